using CartRecovery.Core.Accounts;
using CartRecovery.Jobs.Connectors;
using CartRecovery.Jobs.History;
using CartRecovery.Jobs.Maintenance;
using CartRecovery.Jobs.Recovery;
using CartRecovery.Jobs.Scheduling;
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
    /// Registers Quartz with a persistent job store on the app's own database (<paramref name="provider"/> is
    /// <c>Storage:Provider</c>: sqlite, postgres or sqlserver; clustered on the last two, see <see cref="JobStoreProvider"/>)
    /// and the recovery jobs on simple interval triggers.
    /// </summary>
    /// <remarks>
    /// No job requests recovery (<c>RequestRecovery</c> stays false): every job is a repeating poll over our own tables,
    /// so after a node dies the next fire on any node does exactly what a recovery run would, and a recovery run would only
    /// be an extra fire. What a dead node was doing survives in the data instead: claimed messages carry a lease and come
    /// back when it runs out, webhook deliveries stay unprocessed until a run completes them.
    /// </remarks>
    public static IServiceCollection AddCartRecoveryJobs(this IServiceCollection services, IConfiguration configuration,
        string provider, string connectionString, Action<IQuartzBuilder>? configure = null)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UsePersistentStore(store =>
            {
                JobStoreProvider.Configure(store, provider, connectionString, options);
                store.UseSystemTextJsonSerializer();
            });
            AddEvery<DetectAbandonedCartsJob>(q, DetectAbandonedCartsJob.Key, options.DetectAbandonedEvery, "Marks idle carts abandoned and enrols them");
            if (JobStoreProvider.IsClustered(provider))
                AddDispatchLanes(q, options.SendDueMessagesEvery);
            else
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
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section)
            .Validate(o => o.AuditRetentionDays >= 1, "Accounts:AuditRetentionDays must be at least 1")
            .ValidateOnStart();
        services.AddSingleton<AccountRecordsPurge>();
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = options.Enabled;
        });
        return services;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>How many dispatch runs a cluster may have going at once (on any nodes).</summary>
    public const int ClusteredDispatchLanes = 3;

    /// <summary>
    /// On a cluster, sending scales out: the dispatch job allows concurrent runs, and it has <see cref="ClusteredDispatchLanes"/>
    /// triggers whose firings each run on one node and never overlap themselves (<see cref="OverlapPolicy.Skip"/>), so at
    /// most that many runs claim and send at once, wherever they land. Claims keep them apart (each claim takes rows no
    /// other claim holds). The count is fixed rather than a setting: a lane trigger once stored stays in the job store.
    /// </summary>
    private static void AddDispatchLanes(IQuartzBuilder q, TimeSpan interval)
    {
        var key = SendDueMessagesJob.Key;
        q.AddJob<SendDueMessagesJob>(j => j.WithIdentity(key).WithDescription("Claims and sends due messages").StoreDurably()
            .DisallowConcurrentExecution(false));
        for (var lane = 1; lane <= ClusteredDispatchLanes; lane++)
        {
            // Lane 1 keeps the single-node trigger's identity.
            var name = lane == 1 ? $"{key.Name}-every" : $"{key.Name}-every-lane-{lane}";
            q.AddTrigger(t => t
                .ForJob(key)
                .WithIdentity(name, key.Group)
                .StartNow()
                .WithOverlapPolicy(OverlapPolicy.Skip)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        }
    }

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
