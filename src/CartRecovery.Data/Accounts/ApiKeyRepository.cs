using CartRecovery.Core.Accounts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Accounts;

/// <summary>API keys of accounts, found by their public prefix; only the SHA-256 of the secret is stored.</summary>
internal sealed class ApiKeyRepository : IApiKeyRepository
{
    private const string InsertSql = """
        INSERT INTO api_keys (account_id, name, prefix, secret_hash, role, store_ids, created_at, created_by_user_id, expires_at, revoked_at, last_used_at)
        VALUES (@AccountId, @Name, @Prefix, @SecretHash, @Role, @StoreIds, @CreatedAt, @CreatedByUserId, @ExpiresAt, @RevokedAt, @LastUsedAt)
        """;

    private const string FindByPrefixSql = $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE prefix = @Prefix";
    private const string ListSql = $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE account_id = @AccountId ORDER BY created_at DESC, id DESC";
    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND account_id = @AccountId AND revoked_at IS NULL";
    // A late, slower request must not move the recorded use back in time.
    private const string TouchSql = "UPDATE api_keys SET last_used_at = @At WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @At)";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public ApiKeyRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<ApiKey> CreateAsync(ApiKey key, byte[] secretHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(secretHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Prefix);
        await using var db = await _connections.OpenAsync(ct);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertSql), ApiKeyRow.From(key, secretHash),
            cancellationToken: ct));
        return key with
        {
            Id = id,
            CreatedAt = DbTime.Truncate(key.CreatedAt),
            ExpiresAt = key.ExpiresAt is { } expires ? DbTime.Truncate(expires) : null,
            RevokedAt = key.RevokedAt is { } revoked ? DbTime.Truncate(revoked) : null,
            LastUsedAt = key.LastUsedAt is { } used ? DbTime.Truncate(used) : null,
        };
    }

    public async Task<(ApiKey Key, byte[] SecretHash)?> FindByPrefixAsync(string prefix, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(FindByPrefixSql, new { Prefix = prefix }, cancellationToken: ct));
        return row is null ? null : (row.ToApiKey(), row.SecretHash);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(long accountId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<ApiKeyRow>(new CommandDefinition(ListSql, new { AccountId = accountId }, cancellationToken: ct));
        return rows.Select(r => r.ToApiKey()).ToList();
    }

    public async Task<bool> RevokeAsync(long accountId, long keyId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(RevokeSql, new { Id = keyId, AccountId = accountId, At = DbTime.ToDb(at) }, cancellationToken: ct)) == 1;
    }

    public async Task TouchAsync(long keyId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(TouchSql, new { Id = keyId, At = DbTime.ToDb(at) }, cancellationToken: ct));
    }
}
