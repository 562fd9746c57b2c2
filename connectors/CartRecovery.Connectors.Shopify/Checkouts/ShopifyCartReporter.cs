using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;

namespace CartRecovery.Connectors.Shopify.Checkouts;

/// <summary>
/// Hands Shopify snapshots to <see cref="CartIngestion"/>, filed under the external id the cart already has. The same
/// checkout can arrive keyed by its token (a webhook without id) or by its id (the poller); when no cart has this
/// snapshot's key but one is known by any of its refs, the snapshot joins that cart instead of starting a second one.
/// </summary>
internal sealed class ShopifyCartReporter
{
    private readonly ICartRepository _carts;
    private readonly CartIngestion _ingestion;

    public ShopifyCartReporter(ICartRepository carts, CartIngestion ingestion)
    {
        ArgumentNullException.ThrowIfNull(carts);
        ArgumentNullException.ThrowIfNull(ingestion);
        _carts = carts;
        _ingestion = ingestion;
    }

    public async Task<CartMergeResult> ReportAsync(CartSnapshot snapshot, CancellationToken ct) =>
        await _ingestion.ReportCartAsync(await AlignAsync(snapshot, ct), ct);

    /// <summary>The snapshot, re-keyed to the existing cart that shares one of its identifiers, if there is one.</summary>
    internal async Task<CartSnapshot> AlignAsync(CartSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var references = snapshot.PlatformRefs.Values.Distinct(StringComparer.Ordinal).ToList();
        // One read for the key and every ref; most checkouts are either new (nothing matches) or known by their key.
        var matches = await _carts.FindByRefsAsync(snapshot.StoreId, [snapshot.ExternalId, .. references], ct);
        if (matches.Count == 0 || matches.Any(m => m.ExternalId == snapshot.ExternalId))
            return snapshot;
        foreach (var reference in references)
        {
            // The cart FindByRefAsync would return for this ref: the matches come ordered by cart id.
            var known = matches.FirstOrDefault(m => m.Reference == reference);
            if (known is null)
                continue;
            // A cart token outlives its checkouts: when both sides know their checkout id and the ids differ, this is a
            // later checkout of the same cart, which is a cart of its own.
            if (known.PlatformRefs.TryGetValue(ShopifyCheckoutRefs.Id, out var knownId)
                && snapshot.PlatformRefs.TryGetValue(ShopifyCheckoutRefs.Id, out var id) && knownId != id)
                continue;
            return snapshot with { ExternalId = known.ExternalId };
        }
        return snapshot;
    }
}
