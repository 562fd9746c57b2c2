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

    public override string InsertIgnoringDuplicates(string insertSql, string conflictColumns) =>
        $"{insertSql} ON CONFLICT ({conflictColumns}) DO NOTHING";

    public override string UpsertStore => """
        INSERT INTO stores (platform, external_id, name, storefront_url, currency, time_zone, locale,
                            abandon_after_ms, sequence, sender_email, sender_name, created_at, status, api_base_url, public_key,
                            sending_paused_reason, reply_to, logo_url, brand_color, postal_address, message_stream)
        VALUES (@Platform, @ExternalId, @Name, @StorefrontUrl, @Currency, @TimeZone, @Locale,
                @AbandonAfterMs, @Sequence, @SenderEmail, @SenderName, @CreatedAt, @Status, @ApiBaseUrl, @PublicKey,
                @SendingPausedReason, @ReplyTo, @LogoUrl, @BrandColor, @PostalAddress, @MessageStream)
        ON CONFLICT (platform, external_id) DO UPDATE SET
            name = excluded.name, storefront_url = excluded.storefront_url, currency = excluded.currency,
            time_zone = excluded.time_zone, locale = excluded.locale, abandon_after_ms = excluded.abandon_after_ms,
            sequence = excluded.sequence, sender_email = excluded.sender_email, sender_name = excluded.sender_name,
            status = excluded.status, api_base_url = excluded.api_base_url, sending_paused_reason = excluded.sending_paused_reason,
            reply_to = excluded.reply_to, logo_url = excluded.logo_url, brand_color = excluded.brand_color,
            postal_address = excluded.postal_address, message_stream = excluded.message_stream
        RETURNING id
        """;

    public override string UpsertStoreCredentials => """
        INSERT INTO store_credentials (store_id, payload, updated_at) VALUES (@StoreId, @Payload, @UpdatedAt)
        ON CONFLICT (store_id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
        """;

    public override string UpsertConnectorState => """
        INSERT INTO connector_state (store_id, key, value, updated_at) VALUES (@StoreId, @Key, @Value, @UpdatedAt)
        ON CONFLICT (store_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """;

    public override string UpsertDataExport => """
        INSERT INTO data_exports (store_id, request_id, email, json, created_at) VALUES (@StoreId, @RequestId, @Email, @Json, @CreatedAt)
        ON CONFLICT (store_id, request_id) DO UPDATE SET email = excluded.email, json = excluded.json, created_at = excluded.created_at
        """;

    public override string UpsertStoreTemplate => """
        INSERT INTO store_templates (store_id, name, locale, part, source, updated_at)
        VALUES (@StoreId, @Name, @Locale, @Part, @Source, @UpdatedAt)
        ON CONFLICT (store_id, name, locale, part) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at
        """;

    // Pending deliveries whose next attempt is due and whose lease (if any) ran out; one statement, so atomic here.
    public override string ClaimWebhookDeliveries => """
        UPDATE webhook_deliveries SET lease_until = @LeaseUntil
        WHERE id IN (SELECT id FROM webhook_deliveries
                     WHERE status = @Pending AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
                     ORDER BY received_at, id
                     LIMIT @Batch)
        RETURNING *
        """;

    // A single statement is atomic in SQLite (one writer at a time), so no SKIP LOCKED is needed: two dispatchers
    // can never claim the same row. RETURNING gives no order guarantee; the store sorts the claimed rows.
    public override string ClaimDueMessages => """
        UPDATE messages
        SET status = @Claimed, claimed_by = @Claimer, lease_until = @LeaseUntil, attempts = attempts + 1
        WHERE id IN (SELECT id FROM messages
                     WHERE (status = @Pending AND due_at <= @Now) OR (status = @Claimed AND lease_until < @Now)
                     ORDER BY due_at, id
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
