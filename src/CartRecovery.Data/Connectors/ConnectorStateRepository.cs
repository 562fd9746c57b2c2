using CartRecovery.Core.Storefronts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Connectors;

/// <summary>Per-store connector values (cursors and the like), one row per (store, key).</summary>
internal sealed class ConnectorStateRepository(IDbConnectionFactory connections, SqlDialect dialect, TimeProvider time) : IConnectorStateRepository
{
    // "key" is quoted: SQL Server reserves the word (double quotes work on all three engines).
    private const string GetSql = "SELECT value FROM connector_state WHERE store_id = @StoreId AND \"key\" = @Key";

    public async Task<string?> GetAsync(long storeId, string key, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.QuerySingleOrDefaultAsync<string>(new CommandDefinition(GetSql, new { StoreId = storeId, Key = key }, cancellationToken: ct));
    }

    public async Task SetAsync(long storeId, string key, string value, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(dialect.UpsertConnectorState,
            new { StoreId = storeId, Key = key, Value = value, UpdatedAt = DbTime.ToDb(time.GetUtcNow()) }, cancellationToken: ct));
    }
}
