using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.Offers;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// Ingests a cart posted by the storefront script. The host resolves the store from its public key and enforces the
/// store's origin (CORS), the rate limit and the body size before calling this; this validates and records.
/// </summary>
internal sealed class WooCommerceCapture(CartIngestion ingestion, IConnectorStateRepository state, TimeProvider time)
{
    public async Task<CaptureResult> CaptureAsync(Store store, JsonElement body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!string.Equals(store.Platform, Platforms.WooCommerce, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The store is not a WooCommerce store.", nameof(store));
        if (store.Status != StoreStatus.Active)
            return CaptureResult.Refused([new("store", "is not active")]);
        var validation = CaptureValidator.Validate(body);
        if (!validation.IsValid)
            return CaptureResult.Refused(validation.Errors);

        var version = await state.GetAsync(store.Id, WooCommerceConnectFlow.VersionStateKey, ct);
        var snapshot = CapturedCartMapper.ToSnapshot(store, validation.Cart!, time.GetUtcNow(), WooCommerceRestoreLinks.SupportsCheckoutLink(version));
        await ingestion.ReportCartAsync(snapshot, ct);
        return new CaptureResult(true, snapshot.ExternalId, []);
    }
}
