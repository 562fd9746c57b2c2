using System.Globalization;
using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Orders;

/// <summary>
/// Hands one order to <see cref="CartIngestion"/> according to its status; shared by the webhook handler and the poller.
/// Every call is idempotent: a snapshot merges monotonically, a conversion or expiry happens once.
/// </summary>
internal sealed class WooCommerceOrderIngestion(CartIngestion ingestion)
{
    /// <exception cref="FormatException">The order lacks an id, a date or has a malformed amount.</exception>
    public async Task<WooCommerceOrderState> IngestAsync(Store store, JsonElement order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var state = WooCommerceOrderStatuses.Classify(WooCommerceOrderMapper.ReadStatus(order));
        var id = WooCommerceOrderMapper.ReadId(order).ToString(CultureInfo.InvariantCulture);
        var captureRef = CaptureRef(order);
        switch (state)
        {
            case WooCommerceOrderState.Abandoned:
                await ingestion.ReportCartAsync(WooCommerceOrderMapper.ToSnapshot(store, order), ct);
                // The shopper's storefront-captured cart became this order: one cart (with the order-pay link) is enough.
                if (captureRef is not null)
                    await ingestion.ReportCartGoneAsync(store.Id, captureRef, ct);
                break;
            case WooCommerceOrderState.Ordered:
                await ingestion.ReportOrderAsync(WooCommerceOrderMapper.ToOrderReport(store, order, id), ct);
                // The same shopper may have a cart captured on the storefront that never became a pending order.
                if (captureRef is not null)
                    await ingestion.ReportOrderAsync(WooCommerceOrderMapper.ToOrderReport(store, order, captureRef), ct);
                break;
            case WooCommerceOrderState.Gone:
                await ingestion.ReportCartGoneAsync(store.Id, id, ct);
                break;
        }
        return state;
    }

    /// <summary>An order moved to the trash: the <c>order.deleted</c> payload is only <c>{"id": N}</c>.</summary>
    public Task<bool> ReportDeletedAsync(Store store, long orderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ingestion.ReportCartGoneAsync(store.Id, orderId.ToString(CultureInfo.InvariantCulture), ct);
    }

    private static string? CaptureRef(JsonElement order) =>
        WooJson.Object(order, "billing") is { } billing && WooJson.NonEmpty(billing, "email") is { } email
            ? CapturedCartMapper.EmailRef(email)
            : null;
}
