namespace CartRecovery.Core.Suppression;

/// <summary>Addresses a store must never email again. Addresses are compared trimmed and case-insensitively.</summary>
public interface ISuppressionList
{
    Task<bool> IsSuppressedAsync(long storeId, string email, CancellationToken ct);

    /// <summary>Adds the address (idempotent: the first reason and time are kept).</summary>
    Task SuppressAsync(long storeId, string email, string reason, DateTimeOffset at, CancellationToken ct);

    Task<IReadOnlyList<SuppressedAddress>> ListAsync(long storeId, CancellationToken ct);

    /// <summary>Removes the address (a merchant correcting a mistake, the provider reactivating it). True when it was there.</summary>
    Task<bool> RemoveAsync(long storeId, string email, CancellationToken ct);
}

public sealed record SuppressedAddress(long StoreId, string Email, string Reason, DateTimeOffset CreatedAt);
