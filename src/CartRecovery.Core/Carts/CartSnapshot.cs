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
    DateTimeOffset UpdatedAt);
