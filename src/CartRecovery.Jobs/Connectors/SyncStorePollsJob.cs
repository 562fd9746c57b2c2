using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CartRecovery.Jobs.History;
using Quartz;

namespace CartRecovery.Jobs.Connectors;

/// <summary>
/// Keeps one <see cref="PollStoreJob"/> per active store whose platform has a poller: adds the missing ones (a store just
/// installed), removes those of stores gone or uninstalled. Reconciling on a short interval (rather than scheduling from
/// the install request) also repairs jobs after a restore or an operator's mistake.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SyncStorePollsJob(
    IStoreRepository stores,
    IEnumerable<IStorePoller> pollers,
    IOptions<JobsOptions> options,
    ILogger<SyncStorePollsJob> logger) : IJob
{
    public static readonly JobKey Key = new("sync-store-polls", "connectors");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            context.Result = await SyncAsync(context.Scheduler, cancellationToken);
        }
        catch (Exception e) when (StoppedByShutdown.Is(context, e))
        {
            // The next start syncs again; nothing half-done matters (each poll job is added or removed whole).
            context.Result = StoppedByShutdown.Result;
        }
    }

    /// <summary>Returns how many jobs were added or removed.</summary>
    public async Task<int> SyncAsync(IScheduler scheduler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var platforms = pollers.Select(p => p.Platform).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = (await stores.ListAsync(ct))
            .Where(s => s.Status == StoreStatus.Active && platforms.Contains(s.Platform))
            .ToDictionary(s => PollStoreJob.KeyFor(s.Id));
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(PollStoreJob.Group), ct);

        var changes = 0;
        foreach (var key in existing.Where(k => !wanted.ContainsKey(k)))
        {
            await scheduler.DeleteJob(key, ct);
            changes++;
        }
        foreach (var (key, store) in wanted.Where(w => !existing.Contains(w.Key)))
        {
            var job = JobBuilder.Create<PollStoreJob>().WithIdentity(key)
                .WithDescription($"Polls {store.Platform} store {store.Id} ({store.Name})")
                .UsingJobData(PollStoreJob.StoreIdKey, store.Id)
                .Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"{key.Name}-every", key.Group).ForJob(key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.Value.PollStoresEvery).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
            changes++;
        }
        if (changes > 0)
            Log.Synced(logger, wanted.Count, changes);
        return changes;
    }

    private static partial class Log
    {
        [LoggerMessage(2102, LogLevel.Information, "Store poll jobs synced: {Stores} stores polled, {Changes} jobs added or removed")]
        public static partial void Synced(ILogger logger, int stores, int changes);
    }
}
