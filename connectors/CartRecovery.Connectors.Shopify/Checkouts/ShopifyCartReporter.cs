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
    private readonly CartIngestion _ingestion;

    public ShopifyCartReporter(CartIngestion ingestion)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        _ingestion = ingestion;
    }

    // The look-up by references runs in the merge's own transaction: for a new checkout (nothing matches) that is the
    // only read, where a look-up before the merge cost a connection and a read of its own.
    public Task<CartMergeResult> ReportAsync(CartSnapshot snapshot, CancellationToken ct) =>
        _ingestion.ReportCartAsync(snapshot, Align, ct);

    /// <summary>The snapshot, re-keyed to the existing cart that shares one of its identifiers, if there is one.</summary>
    /// <param name="matches">The store's carts matching the snapshot's key or refs, once per reference, by cart id.</param>
    internal static CartSnapshot Align(CartSnapshot snapshot, IReadOnlyList<CartRefMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(matches);
        // Most checkouts are either new (nothing matches) or known by their key.
        if (matches.Count == 0 || matches.Any(m => m.ExternalId == snapshot.ExternalId))
            return snapshot;
        foreach (var reference in snapshot.PlatformRefs.Values.Distinct(StringComparer.Ordinal))
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
