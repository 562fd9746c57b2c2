using System.Data.Common;
using CartRecovery.Data.Connections;
using DbUp;
using DbUp.Builder;
using DbUp.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Data.Dialects;

/// <summary>SQLite: one writer at a time, so no lock hints; RETURNING (3.35+) and ON CONFLICT (3.24+) do the rest.</summary>
public sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public override string Name => StorageOptions.Sqlite;

    public override IDbConnectionFactory CreateConnectionFactory(string connectionString) =>
        new SqliteConnectionFactory(connectionString);

    // Pending deliveries whose next attempt is due and whose lease (if any) ran out; one statement, so atomic here.
    public override string ClaimWebhookDeliveries => """
        UPDATE webhook_deliveries SET lease_until = @LeaseUntil
        WHERE id IN (SELECT id FROM webhook_deliveries
                     WHERE status = @Pending AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
                     ORDER BY next_attempt_at, id
                     LIMIT @Batch)
        RETURNING *
        """;

    // A single statement is atomic in SQLite (one writer at a time), so no SKIP LOCKED is needed: two dispatchers
    // can never claim the same row. RETURNING gives no order guarantee; the store sorts the claimed rows.
    public override string ClaimDueMessages => ClaimMessages(DueMessages, DueMessagesOrder);

    public override string ClaimExpiredMessageLeases => ClaimMessages(ExpiredMessageLeases, ExpiredMessageLeasesOrder);

    private static string ClaimMessages(string condition, string order) => $"""
        UPDATE messages
        SET status = @Claimed, claimed_by = @Claimer, lease_until = @LeaseUntil, attempts = attempts + 1,
            unfinished_attempts = unfinished_attempts + 1
        WHERE id IN (SELECT id FROM messages
                     WHERE {condition}
                     ORDER BY {order}
                     LIMIT @Batch)
        RETURNING *
        """;

    // Deferred transactions that read first and write later can fail with SQLITE_BUSY when two connections try to
    // upgrade their read locks at once; taking the write lock at BEGIN makes them queue instead.
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    // Every connection runs with secure_delete (see SqliteConnectionFactory), so the erased rows' pages are zeroed,
    // but in WAL mode the zeroed pages are new frames in the -wal file, and the frames before them still hold the
    // data until a checkpoint copies the log into the database and TRUNCATE cuts the log to nothing. A reader in
    // the middle of a transaction can hold the checkpoint back; the next erasure, or SQLite's own checkpoint, ends it.
    public override async Task AfterErasureAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async Task PrepareDatabaseAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsFile(builder) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);

        // WAL lets readers work while one writer writes; the mode is stored in the file, so once is enough.
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            logger.LogWarning("SQLite kept journal mode {JournalMode}; WAL needs a database file", mode);
    }

    public override UpgradeEngineBuilder DeployTo(string connectionString) =>
        DeployChanges.To.SqliteDatabase(connectionString)
            .JournalTo((connections, log) => new SqliteTableJournal(connections, log, "schema_versions"));

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(builder.DataSource)
        && !string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal);
}
