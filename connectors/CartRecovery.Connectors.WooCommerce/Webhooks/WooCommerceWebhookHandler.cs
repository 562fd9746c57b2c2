using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Orders;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Connectors.WooCommerce.Webhooks;

/// <summary>
/// Processes stored WooCommerce deliveries. The body is the order as the REST API showed it when WooCommerce sent it
/// (built at delivery time, so an <c>order.created</c> may already be paid). Idempotent: the same delivery twice ends
/// in the same state.
/// </summary>
internal sealed partial class WooCommerceWebhookHandler(
    IStoreRepository stores,
    WooCommerceOrderIngestion orders,
    ILogger<WooCommerceWebhookHandler> logger) : IWebhookHandler
{
    public string Platform => Platforms.WooCommerce;

    /// <exception cref="InvalidOperationException">The delivery has no store id (the host sets it from the URL).</exception>
    /// <exception cref="JsonException">The body is not JSON; the inbox keeps it for an operator.</exception>
    public async Task HandleAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.StoreId is not { } storeId)
            throw new InvalidOperationException("A WooCommerce delivery must carry the store id of its URL.");
        // Read at most a few seconds ago (once per batch of this store's deliveries); this process's own changes show at once.
        var store = await stores.GetRecentAsync(storeId, ct);
        if (store is null || store.Status != StoreStatus.Active
            || !string.Equals(store.Platform, Platforms.WooCommerce, StringComparison.OrdinalIgnoreCase))
        {
            Log.Ignored(logger, storeId, delivery.Topic);
            return;
        }

        using var document = JsonDocument.Parse(delivery.Body);
        var order = document.RootElement;
        switch (delivery.Topic)
        {
            case "order.deleted":
                await orders.ReportDeletedAsync(store, WooCommerceOrderMapper.ReadId(order), ct);
                break;
            case "order.created" or "order.updated" or "order.restored":
                await orders.IngestAsync(store, order, ct);
                break;
            default:
                Log.UnknownTopic(logger, storeId, delivery.Topic);
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4521, LogLevel.Information, "WooCommerce delivery {Topic} for store {StoreId} ignored: the store is unknown or not active")]
        public static partial void Ignored(ILogger logger, long storeId, string topic);

        [LoggerMessage(4522, LogLevel.Warning, "WooCommerce delivery with unexpected topic {Topic} for store {StoreId} ignored")]
        public static partial void UnknownTopic(ILogger logger, long storeId, string topic);
    }
}
