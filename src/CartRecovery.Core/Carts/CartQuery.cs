namespace CartRecovery.Core.Carts;

/// <summary>A page of carts, newest first.</summary>
public sealed record CartQuery(long? StoreId = null, CartStatus? Status = null, int Skip = 0, int Take = 50)
{
    /// <summary>
    /// Only carts of these stores (the stores the caller may see); null: no such limit. An empty set matches nothing.
    /// </summary>
    public IReadOnlyCollection<long>? StoreIds { get; init; }
}
