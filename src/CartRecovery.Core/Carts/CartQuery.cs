namespace CartRecovery.Core.Carts;

/// <summary>A page of carts, newest first.</summary>
public sealed record CartQuery(long? StoreId = null, CartStatus? Status = null, int Skip = 0, int Take = 50);
