using System.Text.Json;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;
using static CartRecovery.Connectors.Shopify.Checkouts.ShopifyJson;

namespace CartRecovery.Connectors.Shopify.Webhooks;

/// <summary>
/// Processes stored Shopify deliveries (already verified and de-duplicated by the host). Every branch is idempotent,
/// because a delivery may be processed twice. A delivery for a shop we don't know, or a topic we don't use, is dropped.
/// </summary>
internal sealed partial class ShopifyWebhookHandler : IWebhookHandler
{
    private readonly IStoreRepository _stores;
    private readonly ShopifyCartReporter _reporter;
    private readonly ShopifyImageEnricher _images;
    private readonly CartIngestion _ingestion;
    private readonly StoreLifecycle _lifecycle;
    private readonly IPrivacyRepository _privacy;
    private readonly DataErasure _erasure;
    private readonly PlanSubscriptions _billing;
    private readonly TimeProvider _time;
    private readonly ILogger<ShopifyWebhookHandler> _logger;

    public ShopifyWebhookHandler(
        IStoreRepository stores, ShopifyCartReporter reporter, ShopifyImageEnricher images, CartIngestion ingestion,
        StoreLifecycle lifecycle, IPrivacyRepository privacy, DataErasure erasure, PlanSubscriptions billing, TimeProvider time,
        ILogger<ShopifyWebhookHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(privacy);
        ArgumentNullException.ThrowIfNull(erasure);
        ArgumentNullException.ThrowIfNull(billing);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (_stores, _reporter, _images, _ingestion, _lifecycle, _privacy, _erasure, _billing, _time, _logger) =
            (stores, reporter, images, ingestion, lifecycle, privacy, erasure, billing, time, logger);
    }

    public string Platform => Platforms.Shopify;

    public bool IsErasure(string topic) => topic is ShopifyWebhookTopics.CustomersRedact or ShopifyWebhookTopics.ShopRedact;

    public async Task HandleAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var store = await FindStoreAsync(delivery, ct);
        if (store is null)
        {
            Log.UnknownShop(_logger, delivery.Topic, delivery.Id);
            return;
        }

        using var document = JsonDocument.Parse(delivery.Body);
        var body = document.RootElement;
        switch (delivery.Topic)
        {
            // After an uninstall the shop's cart and order events are moot: nothing will be sent for it any more.
            case ShopifyWebhookTopics.CheckoutsCreate or ShopifyWebhookTopics.CheckoutsUpdate when store.Status == StoreStatus.Active:
                await ReportCheckoutAsync(store, body, ct);
                break;
            case ShopifyWebhookTopics.CheckoutsDelete when store.Status == StoreStatus.Active:
                await ReportGoneAsync(store, body, ct);
                break;
            case ShopifyWebhookTopics.OrdersCreate when store.Status == StoreStatus.Active:
                await ReportOrderAsync(store, delivery, body, ct);
                break;
            case ShopifyWebhookTopics.AppUninstalled:
                // The token is already revoked: only local state changes here, no API call.
                await _lifecycle.UninstallAsync(store.Id, ct);
                break;
            // The payload is only a hint: Shopify's currentAppInstallation is the truth about the subscription.
            case ShopifyWebhookTopics.AppSubscriptionsUpdate when store.Status == StoreStatus.Active:
                await _billing.SyncAsync(store, ct);
                break;
            case ShopifyWebhookTopics.CustomersRedact:
                await RedactCustomerAsync(store, body, ct);
                break;
            case ShopifyWebhookTopics.CustomersDataRequest:
                await ExportCustomerAsync(store, delivery, body, ct);
                break;
            case ShopifyWebhookTopics.ShopRedact:
                await _lifecycle.EraseAsync(store.Id, ct);
                break;
            default:
                Log.Ignored(_logger, delivery.Topic, store.Id);
                break;
        }
    }

    private async Task<Store?> FindStoreAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        // The store as read at most a few seconds ago: a batch of deliveries for one shop reads it once, and this
        // process's own changes to it (an uninstall handled earlier in the batch) show at once.
        if (delivery.StoreId is { } storeId && await _stores.GetRecentAsync(storeId, ct) is { Platform: Platforms.Shopify } known)
            return known;
        return ShopifyHmac.IsValidShopDomain(delivery.ShopRef)
            ? await _stores.FindAsync(Platforms.Shopify, ShopifyInstallFlow.Normalize(delivery.ShopRef!), ct)
            : null;
    }

    private async Task ReportCheckoutAsync(Store store, JsonElement body, CancellationToken ct)
    {
        CartSnapshot snapshot;
        try
        {
            snapshot = ShopifyCheckoutMapper.FromWebhook(store.Id, body);
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            // The same payload will never map on a retry; the poller still reads this checkout from the API.
            Log.Unmappable(_logger, error, store.Id);
            return;
        }
        try
        {
            snapshot = await _images.EnrichAsync(store, snapshot, ct);
        }
        catch (Exception error) when (!(error is OperationCanceledException && ct.IsCancellationRequested))
        {
            // Images make the email nicer; a cart without them must still be captured.
            Log.ImagesUnavailable(_logger, error, store.Id);
        }
        await _reporter.ReportAsync(snapshot, ct);
    }

    // checkouts/delete carries id and cart_token (no token); try the most specific first.
    private async Task ReportGoneAsync(Store store, JsonElement body, CancellationToken ct)
    {
        foreach (var reference in References(Id(body, "id"), Text(body, "token"), Text(body, "cart_token")))
        {
            if (await _ingestion.ReportCartGoneAsync(store.Id, reference, ct))
                return;
        }
    }

    private async Task ReportOrderAsync(Store store, WebhookDelivery delivery, JsonElement body, CancellationToken ct)
    {
        var orderId = Id(body, "id") ?? Text(body, "name") ?? delivery.DeliveryId;
        // Order totals are in the shop's currency (total_price_set.shop_money when present).
        var currency = Text(body, "currency") ?? store.Currency;
        var total = Money(Path(body, "total_price_set", "shop_money"), "amount", currency) ?? Money(body, "total_price", currency) ?? 0;
        var orderedAt = Time(body, "created_at") ?? delivery.TriggeredAt ?? _time.GetUtcNow();
        // checkout_token is the checkout's token; cart_token and (older payloads) checkout_id are fallbacks.
        foreach (var reference in References(Text(body, "checkout_token"), Text(body, "cart_token"), Id(body, "checkout_id")))
        {
            var outcome = await _ingestion.ReportOrderAsync(new OrderReport(store.Id, reference, orderId, total, orderedAt), ct);
            if (outcome != OrderOutcome.UnknownCart)
                return;
        }
        // No cart of ours: an order that never went through a tracked checkout.
    }

    private async Task RedactCustomerAsync(Store store, JsonElement body, CancellationToken ct)
    {
        if (Text(Child(body, "customer"), "email") is not { } email)
        {
            Log.NoEmail(_logger, ShopifyWebhookTopics.CustomersRedact, store.Id);
            return;
        }
        await _erasure.EraseCustomerAsync(store.Id, email, ct);
    }

    private async Task ExportCustomerAsync(Store store, WebhookDelivery delivery, JsonElement body, CancellationToken ct)
    {
        if (Text(Child(body, "customer"), "email") is not { } email)
        {
            Log.NoEmail(_logger, ShopifyWebhookTopics.CustomersDataRequest, store.Id);
            return;
        }
        var requestId = Id(Child(body, "data_request"), "id") ?? Text(Child(body, "data_request"), "id") ?? delivery.DeliveryId;
        var export = await _privacy.ExportCustomerAsync(store.Id, email, ct);
        await _privacy.RecordExportAsync(store.Id, requestId, export, _time.GetUtcNow(), ct);
    }

    private static IEnumerable<string> References(params string?[] candidates) =>
        candidates.OfType<string>().Distinct(StringComparer.Ordinal);

    private static partial class Log
    {
        [LoggerMessage(7201, LogLevel.Information, "Shopify webhook {Topic} (inbox {DeliveryId}) is for a shop that is not connected; ignored")]
        public static partial void UnknownShop(ILogger logger, string topic, long deliveryId);

        [LoggerMessage(7202, LogLevel.Debug, "Shopify webhook {Topic} for store {StoreId} needs no processing")]
        public static partial void Ignored(ILogger logger, string topic, long storeId);

        [LoggerMessage(7203, LogLevel.Warning, "Store {StoreId}: product images for a Shopify checkout could not be fetched; cart captured without them")]
        public static partial void ImagesUnavailable(ILogger logger, Exception error, long storeId);

        [LoggerMessage(7204, LogLevel.Warning, "Shopify {Topic} for store {StoreId} names no customer email; nothing to match")]
        public static partial void NoEmail(ILogger logger, string topic, long storeId);

        [LoggerMessage(7205, LogLevel.Warning, "Store {StoreId}: a Shopify checkout webhook could not be read and was dropped")]
        public static partial void Unmappable(ILogger logger, Exception error, long storeId);
    }
}
