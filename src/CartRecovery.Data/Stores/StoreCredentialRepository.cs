using System.Text.Json;
using CartRecovery.Core.Security;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Stores;

/// <summary>
/// Credentials as one protected JSON payload per store: the whole record is encrypted, so no column reveals a token,
/// and replacing it is one statement (an access token and its rotated refresh token are never half-saved).
/// </summary>
internal sealed class StoreCredentialRepository : IStoreCredentialRepository
{
    private const string GetSql = "SELECT payload FROM store_credentials WHERE store_id = @StoreId";
    private const string DeleteSql = "DELETE FROM store_credentials WHERE store_id = @StoreId";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly ISecretProtector _protector;

    public StoreCredentialRepository(IDbConnectionFactory connections, SqlDialect dialect, ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(protector);
        _connections = connections;
        _dialect = dialect;
        _protector = protector;
    }

    public async Task<StoreCredentials?> GetAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var payload = await db.QuerySingleOrDefaultAsync<string>(new CommandDefinition(GetSql, new { StoreId = storeId }, cancellationToken: ct));
        return payload is null ? null : JsonSerializer.Deserialize<StoreCredentials>(_protector.Unprotect(payload));
    }

    public async Task SaveAsync(StoreCredentials credentials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var payload = _protector.Protect(JsonSerializer.Serialize(credentials));
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.UpsertStoreCredentials,
            new { credentials.StoreId, Payload = payload, UpdatedAt = DbTime.ToDb(credentials.UpdatedAt) }, cancellationToken: ct));
    }

    public async Task DeleteAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(DeleteSql, new { StoreId = storeId }, cancellationToken: ct));
    }
}
