using CartRecovery.Core.Accounts;
using CartRecovery.Jobs.Billing;
using CartRecovery.Jobs.Connectors;
using CartRecovery.Jobs.FeedHealth;
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
            // The fixed jobs are written to the job store by JobScheduleWriter, not registered here: Quartz would
            // re-register them (starting now) every time any process, even a read-only verb, creates the scheduler.
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
        foreach (var job in FixedJobs(provider, options))
            services.AddSingleton(job);
        services.AddSingleton<JobScheduleWriter>();
        services.AddSingleton<ProcessWebhooksNudge>();
        // Before Quartz's hosted service: the schedule is in place when the scheduler starts.
        services.AddHostedService<WriteJobScheduleOnStart>();
        services.AddSingleton<RecentDaysRollup>();
        services.AddSingleton<PollLag>();
        services.AddSingleton<StoreFeeds>();
        services.AddSingleton<FeedAlarms>();
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

    /// <summary>How many dispatch runs a cluster may have going at once (on any nodes).</summary>
    public const int ClusteredDispatchLanes = 3;

    /// <summary>The app's fixed jobs and their intervals, as configuration asks for them.</summary>
    private static IEnumerable<ScheduledJob> FixedJobs(string provider, JobsOptions options)
    {
        yield return ScheduledJob.Every<DetectAbandonedCartsJob>(DetectAbandonedCartsJob.Key, options.DetectAbandonedEvery, "Marks idle carts abandoned and enrols them");
        yield return JobStoreProvider.IsClustered(provider)
            ? DispatchLanes(options.SendDueMessagesEvery)
            : ScheduledJob.Every<SendDueMessagesJob>(SendDueMessagesJob.Key, options.SendDueMessagesEvery, "Claims and sends due messages");
        // Per-store poll jobs are created by this one; a minute (or the poll interval, if shorter) until a new store is polled.
        yield return ScheduledJob.Every<SyncStorePollsJob>(SyncStorePollsJob.Key, Min(options.PollStoresEvery, TimeSpan.FromMinutes(1)),
            "Keeps one poll job per active store");
        yield return ScheduledJob.Every<ProcessWebhooksJob>(ProcessWebhooksJob.Key, options.ProcessWebhooksEvery, "Processes stored webhook deliveries");
        yield return ScheduledJob.Every<RollUpMetricsJob>(RollUpMetricsJob.Key, options.RollUpMetricsEvery, "Rolls up per-store daily metrics of the recent days");
        yield return ScheduledJob.Every<ChargeUsageJob>(ChargeUsageJob.Key, options.ChargeUsageEvery,
            "Syncs Shopify subscriptions and charges usage beyond each store's plan (when Billing:Enabled)");
        yield return ScheduledJob.Every<CheckFeedsJob>(CheckFeedsJob.Key, options.CheckFeedsEvery,
            "Judges each store's feeds and emails the owners when one goes stale or broken, and when it recovers");
        yield return ScheduledJob.Every<PurgeExpiredDataJob>(PurgeExpiredDataJob.Key, options.PurgeExpiredDataEvery,
            "Erases customer data older than each store's retention, after the roll-up; prunes job history");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// On a cluster, sending scales out: the dispatch job allows concurrent runs, and it has <see cref="ClusteredDispatchLanes"/>
    /// triggers whose firings each run on one node and never overlap themselves (<see cref="OverlapPolicy.Skip"/>), so at
    /// most that many runs claim and send at once, wherever they land. Claims keep them apart (each claim takes rows no
    /// other claim holds). The count is fixed rather than a setting: a lane trigger once stored stays in the job store.
    /// </summary>
    private static ScheduledJob DispatchLanes(TimeSpan interval)
    {
        var key = SendDueMessagesJob.Key;
        // Lane 1 keeps the single-node trigger's identity.
        var lanes = Enumerable.Range(1, ClusteredDispatchLanes).Select(lane => lane == 1 ? $"{key.Name}-every" : $"{key.Name}-every-lane-{lane}").ToList();
        return new ScheduledJob(key, typeof(SendDueMessagesJob), "Claims and sends due messages", interval, lanes, AllowConcurrent: true, SkipOverlap: true);
    }
}
