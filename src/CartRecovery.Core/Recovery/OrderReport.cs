namespace CartRecovery.Core.Recovery;

/// <summary>
/// A connector's report that an order was placed for a cart it reported earlier. <see cref="CartExternalId"/> may be the
/// cart's external id or any of its platform refs (Shopify orders carry the checkout token).
/// </summary>
public sealed record OrderReport(long StoreId, string CartExternalId, string OrderId, long TotalMinor, DateTimeOffset OrderedAt);

public enum OrderOutcome
{
    /// <summary>No cart is known for it; nothing to attribute.</summary>
    UnknownCart,
    /// <summary>The cart had converted already (a replayed order).</summary>
    AlreadyConverted,
    ConvertedUnassisted,
    Recovered,
}
