using CartRecovery.Core.Jobs;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Jobs.Maintenance;

/// <summary>
/// Erases customer data older than each store's retention (<see cref="SendingPolicy.RetentionDays"/>): carts with their
/// lines, timeline, messages and tasks (and the transport's copies of those emails), in batches, after rolling the
/// recent days up so the metrics survive. Also
/// prunes the job run history and what accounts keep only for a while (<see cref="AccountRecordsPurge"/>). Suppressions
/// are kept: they are how an unsubscribe stays honoured.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PurgeExpiredDataJob(
    RecentDaysRollup rollup,
    IStoreRepository stores,
    IStorePolicyRepository policies,
    IRetentionRepository retention,
    DataErasure erasure,
    IJobRunRepository runs,
    AccountRecordsPurge accountRecords,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<PurgeExpiredDataJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-expired-data", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await PurgeAsync(cancellationToken);
    }

    /// <summary>Returns how many carts were erased.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var (_, recountFrom) = await rollup.RollUpAsync(ct);
        var now = time.GetUtcNow();
        var batch = Math.Max(1, options.Value.PurgeBatchSize);
        var erased = 0;
        foreach (var store in await stores.ListAsync(ct))
        {
            var policy = await policies.GetAsync(store.Id, ct);
            // Whole days, and never a day a roll-up may still recount: those must keep every cart they count.
            var cutoff = Min(RecentDaysRollup.Midnight(now.AddDays(-policy.RetentionDays)), recountFrom);
            var storeErased = 0;
            PurgedCarts purged;
            do
            {
                purged = await retention.PurgeCartsAsync(store.Id, cutoff, batch, ct);
                await erasure.EraseCopiesAsync(purged.MessageIds, ct);
                storeErased += purged.Carts;
            }
            while (purged.Carts == batch);
            var records = await retention.PurgeRecordsAsync(store.Id, cutoff, ct);
            if (storeErased + records > 0)
                Log.Purged(logger, store.Id, storeErased, records, policy.RetentionDays);
            erased += storeErased;
        }
        await runs.PruneAsync(now - options.Value.KeepJobRunsFor, ct);
        var purgedRecords = await accountRecords.PurgeAsync(now, ct);
        if (purgedRecords.Total > 0)
            Log.AccountRecordsPurged(logger, purgedRecords.Sessions, purgedRecords.SignInLinks, purgedRecords.Invitations, purgedRecords.AuditEntries);
        return erased;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(2301, LogLevel.Information, "Retention purge of store {StoreId}: {Carts} carts and {Records} other records older than {RetentionDays} days erased")]
        public static partial void Purged(ILogger logger, long storeId, int carts, int records, int retentionDays);

        [LoggerMessage(2302, LogLevel.Information, "Retention purge of accounts: {Sessions} sessions, {SignInLinks} sign-in links and {Invitations} invitations expired, {AuditEntries} audit entries past retention deleted")]
        public static partial void AccountRecordsPurged(ILogger logger, int sessions, int signInLinks, int invitations, int auditEntries);
    }
}
