namespace CartRecovery.Core.Carts;

/// <summary>
/// A cart as a connector saw it on the platform at <see cref="UpdatedAt"/>. Connectors report snapshots;
/// <see cref="CartMerger"/> decides what they change.
/// </summary>
public sealed record CartSnapshot(
    long StoreId,
    string ExternalId,
    CartContact Contact,
    IReadOnlyList<CartLine> Lines,
    string Currency,
    long SubtotalMinor,
    long TotalMinor,
    string? RestoreUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// Every other identifier the platform uses for this cart (Shopify: checkout id, token and cart token), so that a
    /// later event carrying only one of them (a delete, an order) still finds the cart. Keys are the platform's names.
    /// </summary>
    public IReadOnlyDictionary<string, string> PlatformRefs { get; init; } = Cart.NoRefs;

    /// <summary>The currency the customer saw, when it differs from the shop's <see cref="Currency"/>.</summary>
    public string? PresentmentCurrency { get; init; }

    /// <summary>The total in <see cref="PresentmentCurrency"/>, in its minor units.</summary>
    public long? PresentmentTotalMinor { get; init; }
}
