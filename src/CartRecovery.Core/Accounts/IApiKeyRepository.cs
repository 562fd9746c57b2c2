namespace CartRecovery.Core.Accounts;

public interface IApiKeyRepository
{
    /// <summary>Saves a new key (its id is assigned) with the SHA-256 of its secret.</summary>
    Task<ApiKey> CreateAsync(ApiKey key, byte[] secretHash, CancellationToken ct);

    /// <summary>The key with this prefix and its stored secret hash, revoked or expired ones included (the caller decides).</summary>
    Task<(ApiKey Key, byte[] SecretHash)?> FindByPrefixAsync(string prefix, CancellationToken ct);

    Task<IReadOnlyList<ApiKey>> ListAsync(long accountId, CancellationToken ct);

    /// <summary>Revokes a key of the account; false when the account has no such key (or it was revoked already).</summary>
    Task<bool> RevokeAsync(long accountId, long keyId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records a use. Callers may skip it when the last recorded use is recent (it is a write per request).</summary>
    Task TouchAsync(long keyId, DateTimeOffset at, CancellationToken ct);
}
