using System.Data.Common;
using System.Text.RegularExpressions;
using CartRecovery.Data.Connections;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace CartRecovery.Data.Dialects;

/// <summary>
/// PostgreSQL: ON CONFLICT and RETURNING like SQLite; claims lock their rows with FOR UPDATE SKIP LOCKED so that
/// concurrent dispatchers (several nodes) each take different rows instead of waiting for one another.
/// </summary>
public sealed partial class PostgresDialect : SqlDialect
{
    /// <summary>Nodes migrate one at a time under this session-level advisory lock (a fixed key: "CartRcvr" as ASCII).</summary>
    internal const string LockSchemaSql = "SELECT pg_advisory_lock(4855287717206128242)";

    internal const string UnlockSchemaSql = "SELECT pg_advisory_unlock(4855287717206128242)";

    private const string UniqueViolation = "23505";

    public override string Name => StorageOptions.Postgres;

    public override IDbConnectionFactory CreateConnectionFactory(string connectionString) =>
        new PostgresConnectionFactory(connectionString);

    /// <summary>Npgsql takes arrays, so Dapper sends the list as one parameter: <c>IN @Ids</c> becomes <c>= ANY(@Ids)</c>.</summary>
    public override string ListParameter(string sql) => InList().Replace(sql, "= ANY($1)");

    // The CTE locks the chosen rows (skipping rows another claimer holds) before the UPDATE changes them; a plain
    // "WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED)" may be re-evaluated by the planner and is best avoided.
    public override string ClaimWebhookDeliveries => """
        WITH next AS (
            SELECT id FROM webhook_deliveries
            WHERE status = @Pending AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
            ORDER BY next_attempt_at, id
            LIMIT @Batch
            FOR UPDATE SKIP LOCKED)
        UPDATE webhook_deliveries w SET lease_until = @LeaseUntil
        FROM next
        WHERE w.id = next.id
        RETURNING w.*
        """;

    public override string ClaimDueMessages => ClaimMessages(DueMessages, DueMessagesOrder);

    public override string ClaimExpiredMessageLeases => ClaimMessages(ExpiredMessageLeases, ExpiredMessageLeasesOrder);

    private static string ClaimMessages(string condition, string order) => $"""
        WITH next AS (
            SELECT id FROM messages
            WHERE {condition}
            ORDER BY {order}
            LIMIT @Batch
            FOR UPDATE SKIP LOCKED)
        UPDATE messages m
        SET status = @Claimed, claimed_by = @Claimer, lease_until = @LeaseUntil, attempts = m.attempts + 1,
            unfinished_attempts = m.unfinished_attempts + 1
        FROM next
        WHERE m.id = next.id
        RETURNING m.*
        """;

    // READ COMMITTED lets two transactions read the same team and both write: the row lock makes the second wait and
    // then read what the first committed.
    public override string LockAccount => "SELECT id FROM accounts WHERE id = @AccountId FOR UPDATE";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation };

    /// <summary>A session-level advisory lock: held until unlocked or the connection closes (a dead node frees it).</summary>
    public override async ValueTask<IAsyncDisposable> AcquireSchemaLockAsync(DbConnection connection, CancellationToken ct)
    {
        await ExecuteScalarUnboundedAsync(connection, LockSchemaSql, ct);
        return ReleaseOnDispose(connection, UnlockSchemaSql);
    }

    public override UpgradeEngineBuilder DeployTo(string connectionString) =>
        DeployChanges.To.PostgresqlDatabase(connectionString)
            .JournalToPostgresqlTable("public", "schema_versions");

    [GeneratedRegex(@"\bIN\s+(@\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InList();
}
