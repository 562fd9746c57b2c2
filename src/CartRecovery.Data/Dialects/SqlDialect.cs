using System.Data.Common;
using CartRecovery.Data.Connections;
using DbUp.Builder;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Data.Dialects;

/// <summary>
/// Everything that differs between database engines: paging, insert-or-ignore, upsert, the claim statement,
/// write transactions, error codes and how the schema is deployed. Stores keep portable SQL next to their methods
/// and ask the dialect for the rest: one subclass per engine (SQLite, PostgreSQL, SQL Server).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The provider name (<c>Storage:Provider</c>) and the folder of its schema scripts under <c>Schema/</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Creates the connection factory for <paramref name="connectionString"/>.</summary>
    public abstract IDbConnectionFactory CreateConnectionFactory(string connectionString);

    /// <summary>Pages an ordered query with <c>@Skip</c> and <c>@Take</c>. SQLite and PostgreSQL share LIMIT/OFFSET.</summary>
    public virtual string Page(string orderedSql) => $"{orderedSql} LIMIT @Take OFFSET @Skip";

    /// <summary>Makes a single-row INSERT return the new <c>id</c> as its only column.</summary>
    public virtual string InsertReturningId(string insertSql) => $"{insertSql} RETURNING id";

    /// <summary>
    /// Adapts <c>IN @List</c> conditions (Dapper expands a list parameter into <c>IN (@List1, @List2, ...)</c>) for
    /// providers to which Dapper passes the list whole, as one array parameter.
    /// </summary>
    public virtual string ListParameter(string sql) => sql;

    /// <summary>
    /// How many items one <c>IN @List</c> takes: SQL Server accepts at most 2,100 parameters in a statement (Dapper makes
    /// one of each item there), so longer lists are read in chunks of this size.
    /// </summary>
    public const int MaxListItems = 1000;

    // SQLite (3.24+) and PostgreSQL share INSERT ... ON CONFLICT; SQL Server overrides these with UPDATE-then-INSERT.

    /// <summary>Makes an INSERT do nothing when it would break the unique key over <paramref name="conflictColumns"/>.</summary>
    public virtual string InsertIgnoringDuplicates(string insertSql, string conflictColumns) =>
        $"{insertSql} ON CONFLICT ({conflictColumns}) DO NOTHING";

    /// <summary>
    /// Inserts or updates a store keyed by (platform, external_id), keeping its id, created_at and public_key (and its
    /// account_id when <c>@AccountId</c> is null), and returns its id. Parameters: the <c>StoreRow</c> properties.
    /// </summary>
    public virtual string UpsertStore => """
        INSERT INTO stores (platform, external_id, name, storefront_url, currency, time_zone, locale,
                            abandon_after_ms, sequence, sender_email, sender_name, created_at, status, api_base_url, public_key,
                            sending_paused_reason, reply_to, logo_url, brand_color, postal_address, message_stream, account_id)
        VALUES (@Platform, @ExternalId, @Name, @StorefrontUrl, @Currency, @TimeZone, @Locale,
                @AbandonAfterMs, @Sequence, @SenderEmail, @SenderName, @CreatedAt, @Status, @ApiBaseUrl, @PublicKey,
                @SendingPausedReason, @ReplyTo, @LogoUrl, @BrandColor, @PostalAddress, @MessageStream, @AccountId)
        ON CONFLICT (platform, external_id) DO UPDATE SET
            name = excluded.name, storefront_url = excluded.storefront_url, currency = excluded.currency,
            time_zone = excluded.time_zone, locale = excluded.locale, abandon_after_ms = excluded.abandon_after_ms,
            sequence = excluded.sequence, sender_email = excluded.sender_email, sender_name = excluded.sender_name,
            status = excluded.status, api_base_url = excluded.api_base_url, sending_paused_reason = excluded.sending_paused_reason,
            reply_to = excluded.reply_to, logo_url = excluded.logo_url, brand_color = excluded.brand_color,
            postal_address = excluded.postal_address, message_stream = excluded.message_stream,
            account_id = COALESCE(excluded.account_id, stores.account_id)
        RETURNING id
        """;

    /// <summary>Insert or replace the credentials row of <c>@StoreId</c> (<c>@Payload</c>, <c>@UpdatedAt</c>).</summary>
    public virtual string UpsertStoreCredentials => """
        INSERT INTO store_credentials (store_id, payload, updated_at) VALUES (@StoreId, @Payload, @UpdatedAt)
        ON CONFLICT (store_id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
        """;

    /// <summary>Insert or replace the connector value of (<c>@StoreId</c>, <c>@Key</c>). <c>key</c> is quoted: SQL Server reserves it.</summary>
    public virtual string UpsertConnectorState => """
        INSERT INTO connector_state (store_id, "key", value, updated_at) VALUES (@StoreId, @Key, @Value, @UpdatedAt)
        ON CONFLICT (store_id, "key") DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """;

    /// <summary>Insert or replace the export of (<c>@StoreId</c>, <c>@RequestId</c>).</summary>
    public virtual string UpsertDataExport => """
        INSERT INTO data_exports (store_id, request_id, email, json, created_at) VALUES (@StoreId, @RequestId, @Email, @Json, @CreatedAt)
        ON CONFLICT (store_id, request_id) DO UPDATE SET email = excluded.email, json = excluded.json, created_at = excluded.created_at
        """;

    /// <summary>Insert or replace the template override of (<c>@StoreId</c>, <c>@Name</c>, <c>@Locale</c>, <c>@Part</c>): <c>@Source</c>, <c>@UpdatedAt</c>.</summary>
    public virtual string UpsertStoreTemplate => """
        INSERT INTO store_templates (store_id, name, locale, part, source, updated_at)
        VALUES (@StoreId, @Name, @Locale, @Part, @Source, @UpdatedAt)
        ON CONFLICT (store_id, name, locale, part) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at
        """;

    /// <summary>
    /// Atomically leases due pending webhook deliveries (<c>@Now</c>, <c>@LeaseUntil</c>, <c>@Batch</c>) and returns them,
    /// earliest due first (a new delivery is due when it arrives). That is the order of the (status, next_attempt_at)
    /// index, so a claim reads one batch of it however long the backlog; ordered by arrival, every claim sorted the
    /// whole backlog, a fifth of the processing time behind a burst of 25,000 deliveries.
    /// </summary>
    public abstract string ClaimWebhookDeliveries { get; }

    /// <summary>
    /// Atomically claims up to <c>@Batch</c> Pending messages due at <c>@Now</c>, earliest due first, and returns the
    /// claimed rows (every column of <c>messages</c>). Parameters: <c>@Claimer</c>, <c>@Now</c>, <c>@LeaseUntil</c>,
    /// <c>@Batch</c>, <c>@Pending</c>, <c>@Claimed</c>.
    /// </summary>
    /// <remarks>
    /// Due messages and expired leases are two statements, each ordered and limited on its own index: PostgreSQL planned
    /// their OR as two bitmap scans on <c>status</c> alone and read every pending message (the whole backlog of scheduled
    /// steps) to keep the due ones. One LIMIT over a UNION of the two would lock after limiting and skip due rows that
    /// another claimer holds.
    /// </remarks>
    public abstract string ClaimDueMessages { get; }

    /// <summary>
    /// As <see cref="ClaimDueMessages"/>, for messages Claimed whose lease ran out before <c>@Now</c> (their claimer died
    /// or hung mid-send), earliest lease end first. Same parameters (<c>@Pending</c> unused).
    /// </summary>
    public abstract string ClaimExpiredMessageLeases { get; }

    /// <summary>The condition of <see cref="ClaimDueMessages"/>, served by <c>ix_messages_status_due_at</c> in its order.</summary>
    protected const string DueMessages = "status = @Pending AND due_at <= @Now";

    /// <summary>The condition of <see cref="ClaimExpiredMessageLeases"/>, served by <c>ix_messages_status_lease_until</c> in its order.</summary>
    protected const string ExpiredMessageLeases = "status = @Claimed AND lease_until < @Now";

    protected const string DueMessagesOrder = "due_at, id";

    protected const string ExpiredMessageLeasesOrder = "lease_until, id";

    /// <summary>
    /// Selects the id of account <c>@AccountId</c> and holds a lock on its row until the transaction ends, so that changes
    /// to one account's team queue one after the other (the last-owner rule reads the team, then writes it). SQLite
    /// needs no lock here: <see cref="BeginWriteAsync"/> already serializes every writer.
    /// </summary>
    public virtual string LockAccount => "SELECT id FROM accounts WHERE id = @AccountId";

    /// <summary>Starts a transaction that takes the write lock up front (SQLite: BEGIN IMMEDIATE).</summary>
    public virtual async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);

    /// <summary>True when <paramref name="exception"/> is a unique or primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Runs after an erasure committed, on its connection, so the erased rows leave no copy the engine still keeps on
    /// disk. Server engines keep dead tuples, logs and backups the app cannot reach (see infra/OPERATIONS.md).
    /// </summary>
    public virtual Task AfterErasureAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Prepares the database before migrations run (create the file's folder, the database, journal mode, ...).</summary>
    public virtual Task PrepareDatabaseAsync(string connectionString, ILogger logger, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Holds an exclusive, database-wide lock on <paramref name="connection"/> until disposed, so that nodes starting
    /// together migrate one after the other (PostgreSQL: an advisory lock; SQL Server: sp_getapplock). SQLite has one
    /// writer and DbUp's own transactions, so the default takes nothing.
    /// </summary>
    public virtual ValueTask<IAsyncDisposable> AcquireSchemaLockAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>The DbUp target for this engine.</summary>
    public abstract UpgradeEngineBuilder DeployTo(string connectionString);

    /// <summary>Runs <paramref name="sql"/> without a command timeout (waiting for a lock may take as long as a migration).</summary>
    protected static async Task<object?> ExecuteScalarUnboundedAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>A lock that runs <paramref name="releaseSql"/> on its connection when disposed.</summary>
    protected static IAsyncDisposable ReleaseOnDispose(DbConnection connection, string releaseSql) => new Releaser(connection, releaseSql);

    private sealed class Releaser(DbConnection connection, string releaseSql) : IAsyncDisposable
    {
        // Releasing must happen even when the migration was cancelled, so it does not take the caller's token.
        public async ValueTask DisposeAsync() => await ExecuteScalarUnboundedAsync(connection, releaseSql, CancellationToken.None);
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
