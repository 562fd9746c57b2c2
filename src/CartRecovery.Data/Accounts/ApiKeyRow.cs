using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class ApiKeyRow
{
    public const string Columns = """
        id, account_id, name, prefix, secret_hash, role, store_ids, created_at, created_by_user_id, expires_at, revoked_at, last_used_at
        """;

    public long Id { get; set; }
    public long AccountId { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public long Role { get; set; }
    public string? StoreIds { get; set; }
    public long CreatedAt { get; set; }
    public long? CreatedByUserId { get; set; }
    public long? ExpiresAt { get; set; }
    public long? RevokedAt { get; set; }
    public long? LastUsedAt { get; set; }

    public static ApiKeyRow From(ApiKey key, byte[] secretHash) => new()
    {
        AccountId = key.AccountId,
        Name = key.Name,
        Prefix = key.Prefix,
        SecretHash = secretHash,
        Role = (long)key.Role,
        StoreIds = StoreIdList.ToDb(key.StoreIds),
        CreatedAt = DbTime.ToDb(key.CreatedAt),
        CreatedByUserId = key.CreatedByUserId,
        ExpiresAt = DbTime.ToDb(key.ExpiresAt),
        RevokedAt = DbTime.ToDb(key.RevokedAt),
        LastUsedAt = DbTime.ToDb(key.LastUsedAt),
    };

    public ApiKey ToApiKey() => new()
    {
        Id = Id,
        AccountId = AccountId,
        Name = Name,
        Prefix = Prefix,
        Role = (AccountRole)Role,
        StoreIds = StoreIdList.FromDb(StoreIds),
        CreatedAt = DbTime.FromDb(CreatedAt),
        CreatedByUserId = CreatedByUserId,
        ExpiresAt = DbTime.FromDb(ExpiresAt),
        RevokedAt = DbTime.FromDb(RevokedAt),
        LastUsedAt = DbTime.FromDb(LastUsedAt),
    };
}
