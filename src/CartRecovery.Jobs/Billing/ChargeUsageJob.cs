using CartRecovery.Core.Billing;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CartRecovery.Jobs.Billing;

/// <summary>
/// For every active store its platform bills (Shopify): takes the platform's word about the subscription, then charges
/// the usage beyond the plan's included emails that is not charged yet. One store's failure never stops the others;
/// its usage is charged on a later run (the idempotency key keeps a retried charge single).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ChargeUsageJob(
    BillingOptions options, IStoreRepository stores, PlanGate plans, PlanSubscriptions subscriptions, ILogger<ChargeUsageJob> logger) : IJob
{
    public static readonly JobKey Key = new("charge-usage", "billing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await ChargeAsync(cancellationToken);
    }

    /// <summary>Returns how many stores were charged something.</summary>
    public async Task<int> ChargeAsync(CancellationToken ct)
    {
        if (!options.Enabled)
            return 0;
        var charged = 0;
        foreach (var store in await stores.ListAsync(ct))
        {
            if (store.Status != StoreStatus.Active || !plans.IsBilledByPlatform(store))
                continue;
            try
            {
                await subscriptions.SyncAsync(store, ct);
                if (await subscriptions.ChargeUsageAsync(store, ct) is var amount and > 0)
                {
                    charged++;
                    Log.Charged(logger, store.Id, amount);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Log.Failed(logger, store.Id, error);
            }
        }
        return charged;
    }

    private static partial class Log
    {
        [LoggerMessage(4101, LogLevel.Information, "Charged {Amount} of usage to store {StoreId}")]
        public static partial void Charged(ILogger logger, long storeId, decimal amount);

        [LoggerMessage(4102, LogLevel.Warning, "Could not sync or charge the usage of store {StoreId}; the next run tries again")]
        public static partial void Failed(ILogger logger, long storeId, Exception error);
    }
}
