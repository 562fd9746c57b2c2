namespace CartRecovery.Core.Stores;

public interface IStoreRepository
{
    Task<Store?> GetAsync(long storeId, CancellationToken ct);

    /// <summary>
    /// As <see cref="GetAsync"/>, from what was read at most a few seconds ago, for the hot paths (a burst of restore-link
    /// clicks reads a shop once, not per click). This process's own <see cref="UpsertAsync"/> shows at once; a change
    /// made by another process within the few seconds. A store not found is not remembered.
    /// </summary>
    Task<Store?> GetRecentAsync(long storeId, CancellationToken ct);

    Task<Store?> FindAsync(string platform, string externalId, CancellationToken ct);

    Task<IReadOnlyList<Store>> ListAsync(CancellationToken ct);

    /// <summary>The stores of one account, by name.</summary>
    Task<IReadOnlyList<Store>> ListForAccountAsync(long accountId, CancellationToken ct);

    Task<Store?> FindByPublicKeyAsync(string publicKey, CancellationToken ct);

    /// <summary>
    /// Creates or updates the store keyed by (platform, external id) and returns it with its id and account. A new store
    /// without <see cref="Store.AccountId"/> gets a new merchant account named after it; an update without one keeps the
    /// store's account (moving a store between accounts is <see cref="Accounts.IAccountRepository.AssignStoreAsync"/>).
    /// </summary>
    Task<Store> UpsertAsync(Store store, CancellationToken ct);
}
