using CartRecovery.Jobs.Connectors;
using CartRecovery.Jobs.History;
using CartRecovery.Jobs.Maintenance;
using CartRecovery.Jobs.Recovery;
using CartRecovery.Jobs.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CartRecovery.Jobs;

public static class JobsServiceCollectionExtensions
{
    public const string SchedulerName = "CartRecovery";

    /// <summary>
    /// Registers Quartz with a persistent job store (configured by <paramref name="useStore"/>, on the app's own
    /// database) and the recovery jobs on simple interval triggers.
    /// </summary>
    public static IServiceCollection AddCartRecoveryJobs(this IServiceCollection services, IConfiguration configuration,
        Action<IPersistentStoreBuilder> useStore, Action<IQuartzBuilder>? configure = null)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UsePersistentStore(store =>
            {
                useStore(store);
                store.UseSystemTextJsonSerializer();
            });
            AddEvery<DetectAbandonedCartsJob>(q, DetectAbandonedCartsJob.Key, options.DetectAbandonedEvery, "Marks idle carts abandoned and enrols them");
            AddEvery<SendDueMessagesJob>(q, SendDueMessagesJob.Key, options.SendDueMessagesEvery, "Claims and sends due messages");
            // Per-store poll jobs are created by this one; a minute (or the poll interval, if shorter) until a new store is polled.
            AddEvery<SyncStorePollsJob>(q, SyncStorePollsJob.Key, Min(options.PollStoresEvery, TimeSpan.FromMinutes(1)),
                "Keeps one poll job per active store");
            AddEvery<ProcessWebhooksJob>(q, ProcessWebhooksJob.Key, options.ProcessWebhooksEvery, "Processes stored webhook deliveries");
            AddEvery<RollUpMetricsJob>(q, RollUpMetricsJob.Key, options.RollUpMetricsEvery, "Rolls up per-store daily metrics of the recent days");
            AddEvery<PurgeExpiredDataJob>(q, PurgeExpiredDataJob.Key, options.PurgeExpiredDataEvery,
                "Erases customer data older than each store's retention, after the roll-up; prunes job history");
            // Every run of every job goes into job_runs (start, end, outcome, error, items).
            q.AddJobListener<JobRunRecorder>();
            configure?.Invoke(q);
            // A scheduler switched off on purpose is not a failure; one that should run but stands by is.
            if (options.Enabled)
                q.AddQuartzHealthChecks(h =>
                {
                    h.Tags.Add("ready");
                    h.StandbyStatus = HealthStatus.Unhealthy;
                });
        });
        services.AddSingleton<RecentDaysRollup>();
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = options.Enabled;
        });
        return services;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// A durable job on a forever-repeating simple trigger. A late poll should not replay the polls it missed
    /// (each run catches up on everything due anyway), hence next-with-remaining-count on misfire.
    /// </summary>
    public static void AddEvery<TJob>(IQuartzBuilder q, JobKey key, TimeSpan interval, string description) where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(q);
        q.AddJob<TJob>(j => j.WithIdentity(key).WithDescription(description).StoreDurably());
        q.AddTrigger(t => t
            .ForJob(key)
            .WithIdentity($"{key.Name}-every", key.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
