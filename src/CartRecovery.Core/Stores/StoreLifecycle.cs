using CartRecovery.Core.Billing;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Stores;

/// <summary>Uninstall and shop erasure: what must happen, in what order, whatever the platform.</summary>
public sealed partial class StoreLifecycle(
    IStoreRepository stores,
    IStoreCredentialRepository credentials,
    IMessageRepository messages,
    DataErasure erasure,
    ISubscriptionRepository subscriptions,
    WebhookSigners signers,
    TimeProvider time,
    ILogger<StoreLifecycle> logger)
{
    /// <summary>
    /// The merchant removed the app: stop (status Uninstalled, so pollers skip it and nothing is sent), cancel every
    /// pending message and drop the credentials, which the platform has revoked anyway; the platform ended the app's
    /// subscription too (Shopify cancels it on uninstall). Data stays until redact.
    /// </summary>
    public async Task<bool> UninstallAsync(long storeId, CancellationToken ct)
    {
        var store = await stores.GetAsync(storeId, ct);
        if (store is null)
            return false;
        if (store.Status != StoreStatus.Uninstalled)
            await stores.UpsertAsync(store with { Status = StoreStatus.Uninstalled }, ct);
        var cancelled = await messages.CancelPendingForStoreAsync(storeId, "the store uninstalled the app", ct);
        await credentials.DeleteAsync(storeId, ct);
        signers.Clear();
        if (await subscriptions.GetAsync(storeId, ct) is { ExternalId: not null, Status: not SubscriptionStatus.Cancelled } subscription)
            await subscriptions.UpsertAsync(subscription with { Status = SubscriptionStatus.Cancelled, UpdatedAt = time.GetUtcNow() }, ct);
        Log.Uninstalled(logger, storeId, cancelled);
        return true;
    }

    /// <summary>The platform asks for the shop's data to be erased (Shopify <c>shop/redact</c>, 48 h after uninstall).</summary>
    public async Task EraseAsync(long storeId, CancellationToken ct)
    {
        await UninstallAsync(storeId, ct);
        await erasure.EraseStoreAsync(storeId, ct);
        Log.Erased(logger, storeId);
    }

    private static partial class Log
    {
        [LoggerMessage(1501, LogLevel.Information, "Store {StoreId} uninstalled; {Cancelled} pending messages cancelled, credentials dropped")]
        public static partial void Uninstalled(ILogger logger, long storeId, int cancelled);

        [LoggerMessage(1502, LogLevel.Information, "Store {StoreId}: all customer data erased")]
        public static partial void Erased(ILogger logger, long storeId);
    }
}
