namespace CartRecovery.Core.Stores;

public interface IStoreRepository
{
    Task<Store?> GetAsync(long storeId, CancellationToken ct);

    Task<Store?> FindAsync(string platform, string externalId, CancellationToken ct);

    Task<IReadOnlyList<Store>> ListAsync(CancellationToken ct);

    Task<Store?> FindByPublicKeyAsync(string publicKey, CancellationToken ct);

    /// <summary>Creates or updates the store keyed by (platform, external id) and returns it with its id.</summary>
    Task<Store> UpsertAsync(Store store, CancellationToken ct);
}
