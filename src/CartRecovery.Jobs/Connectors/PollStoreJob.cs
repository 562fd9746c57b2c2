using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Quartz;

namespace CartRecovery.Jobs.Connectors;

/// <summary>
/// One store's catch-up poll: a job per store, so an operator sees, triggers or pauses each store's polling on its own,
/// a slow or failing shop never delays the others, and the job never runs twice at once for one store.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollStoreJob(IStoreRepository stores, IEnumerable<IStorePoller> pollers, PollLag lag) : IJob
{
    public const string Group = "store-polls";
    public const string StoreIdKey = "storeId";

    public static JobKey KeyFor(long storeId) => new($"poll-store-{storeId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storeId = context.MergedJobDataMap.GetLong(StoreIdKey);
        var store = await stores.GetAsync(storeId, cancellationToken);
        var poller = store is null ? null : pollers.FirstOrDefault(p => string.Equals(p.Platform, store.Platform, StringComparison.OrdinalIgnoreCase));
        // A store removed or uninstalled since the last sync: nothing to do; the next sync removes this job.
        if (store is not { Status: StoreStatus.Active } || poller is null)
            return;
        try
        {
            context.Result = await poller.PollAsync(store, cancellationToken);
            lag.Succeeded(store);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Recorded by Quartz as this store's failure (and logged by its listeners); the next fire tries again. The history
            // keeps the cause's message, marked when the platform refused the credentials (the feed check reads the mark).
            var cause = PollFailure.IsCredentialsRefused(error) ? new InvalidOperationException(PollFailure.Describe(error), error) : error;
            throw new JobExecutionException($"Polling store {storeId} ({store.Platform}) failed: {error.Message}", cause);
        }
    }
}
