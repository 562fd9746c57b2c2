using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Connectors;

/// <summary>One-time connection ids; consuming deletes the row, so a replayed callback finds nothing.</summary>
internal sealed class PendingConnectionStore(IDbConnectionFactory connections, SqlDialect dialect) : IPendingConnectionStore
{
    private const string InsertSql = "INSERT INTO pending_connections (id, platform, payload, expires_at) VALUES (@Id, @Platform, @Payload, @ExpiresAt)";
    private const string ReadSql = "SELECT payload, expires_at FROM pending_connections WHERE id = @Id AND platform = @Platform";
    private const string DeleteSql = "DELETE FROM pending_connections WHERE id = @Id";
    private const string PurgeSql = "DELETE FROM pending_connections WHERE expires_at < @Now";

    public async Task CreateAsync(string id, string platform, string payload, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(InsertSql,
            new { Id = id, Platform = platform, Payload = payload, ExpiresAt = DbTime.ToDb(expiresAt) }, cancellationToken: ct));
    }

    public async Task<string?> ConsumeAsync(string id, string platform, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        var row = await db.QuerySingleOrDefaultAsync<(string Payload, long ExpiresAt)?>(new CommandDefinition(ReadSql,
            new { Id = id, Platform = platform }, tx, cancellationToken: ct));
        await db.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, tx, cancellationToken: ct));
        await db.ExecuteAsync(new CommandDefinition(PurgeSql, new { Now = DbTime.ToDb(now) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return row is { } r && r.ExpiresAt >= DbTime.ToDb(now) ? r.Payload : null;
    }
}
