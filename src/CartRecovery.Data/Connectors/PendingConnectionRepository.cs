using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Connectors;

/// <summary>One-time connection ids; consuming deletes the row, so a replayed callback finds nothing. Creating and
/// consuming purge expired rows, and creating stops at a cap.</summary>
internal sealed class PendingConnectionRepository(IDbConnectionFactory connections, SqlDialect dialect) : IPendingConnectionRepository
{
    private const string InsertSql = "INSERT INTO pending_connections (id, platform, payload, expires_at) VALUES (@Id, @Platform, @Payload, @ExpiresAt)";
    private const string ReadSql = "SELECT payload, expires_at FROM pending_connections WHERE id = @Id AND platform = @Platform";
    private const string DeleteSql = "DELETE FROM pending_connections WHERE id = @Id";
    private const string PurgeSql = "DELETE FROM pending_connections WHERE expires_at < @Now";
    private const string CountSql = "SELECT COUNT(*) FROM pending_connections WHERE platform = @Platform";

    public async Task<bool> TryCreateAsync(string id, string platform, string payload, DateTimeOffset now, DateTimeOffset expiresAt, int maxPending,
        CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        await db.ExecuteAsync(new CommandDefinition(PurgeSql, new { Now = DbTime.ToDb(now) }, tx, cancellationToken: ct));
        var waiting = await db.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, new { Platform = platform }, tx, cancellationToken: ct));
        var created = waiting < maxPending;
        if (created)
            await db.ExecuteAsync(new CommandDefinition(InsertSql,
                new { Id = id, Platform = platform, Payload = payload, ExpiresAt = DbTime.ToDb(expiresAt) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return created;
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
