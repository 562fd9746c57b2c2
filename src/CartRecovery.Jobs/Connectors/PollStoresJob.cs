using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CartRecovery.Jobs.Connectors;

/// <summary>Runs every registered connector's catch-up poll over the stores of its platform. One failing store never stops the others.</summary>
[DisallowConcurrentExecution]
public sealed partial class PollStoresJob(IStoreRepository stores, IEnumerable<IStorePoller> pollers, ILogger<PollStoresJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll-stores", "connectors");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var byPlatform = pollers.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);
        var reported = 0;
        var failures = 0;
        foreach (var store in await stores.ListAsync(cancellationToken))
        {
            if (!byPlatform.TryGetValue(store.Platform, out var poller))
                continue;
            try
            {
                reported += await poller.PollAsync(store, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failures++;
                Log.PollFailed(logger, error, store.Id, store.Platform);
            }
        }
        context.Result = reported;
        if (failures > 0)
            throw new JobExecutionException($"{failures} store poll(s) failed; see the log for each store.");
    }

    private static partial class Log
    {
        [LoggerMessage(2101, LogLevel.Warning, "Polling store {StoreId} ({Platform}) failed")]
        public static partial void PollFailed(ILogger logger, Exception error, long storeId, string platform);
    }
}
