namespace CartRecovery.Core.Carts;

/// <summary>A page of carts, newest first. Every filter left null matches every cart.</summary>
public sealed record CartQuery(long? StoreId = null, CartStatus? Status = null, int Skip = 0, int Take = 50)
{
    /// <summary>
    /// Only carts of these stores (the stores the caller may see); null: no such limit. An empty set matches nothing.
    /// </summary>
    public IReadOnlyCollection<long>? StoreIds { get; init; }

    /// <summary>Only carts abandoned at or after this instant (a cart never abandoned does not match).</summary>
    public DateTimeOffset? AbandonedFrom { get; init; }

    /// <summary>Only carts abandoned before this instant (a cart never abandoned does not match).</summary>
    public DateTimeOffset? AbandonedBefore { get; init; }

    /// <summary>Only carts whose total, in minor units of their own currency, is at least this.</summary>
    public long? MinTotalMinor { get; init; }

    /// <summary>Only carts whose total, in minor units of their own currency, is at most this.</summary>
    public long? MaxTotalMinor { get; init; }

    /// <summary>Only carts whose customer's address contains this text (trimmed, case-insensitive).</summary>
    public string? EmailContains { get; init; }
}
