namespace CartRecovery.Core.Stores;

/// <summary>Per-store platform credentials, encrypted at rest by the implementation.</summary>
public interface IStoreCredentialRepository
{
    Task<StoreCredentials?> GetAsync(long storeId, CancellationToken ct);

    /// <summary>Replaces the store's credentials in one write (a rotated refresh token must never be half-saved).</summary>
    Task SaveAsync(StoreCredentials credentials, CancellationToken ct);

    Task DeleteAsync(long storeId, CancellationToken ct);
}
