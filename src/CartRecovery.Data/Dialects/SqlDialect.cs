using System.Data.Common;
using CartRecovery.Data.Connections;
using DbUp.Builder;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Data.Dialects;

/// <summary>
/// Everything that differs between database engines: paging, insert-or-ignore, upsert, the claim statement,
/// write transactions, error codes and how the schema is deployed. Stores keep portable SQL next to their methods
/// and ask the dialect for the rest, so PostgreSQL and SQL Server can be added as further subclasses.
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

    /// <summary>Makes an INSERT do nothing when it would break the unique key over <paramref name="conflictColumns"/>.</summary>
    public abstract string InsertIgnoringDuplicates(string insertSql, string conflictColumns);

    /// <summary>
    /// Inserts or updates a store keyed by (platform, external_id), keeping its id and created_at.
    /// Parameters: the <c>StoreRow</c> properties.
    /// </summary>
    public abstract string UpsertStore { get; }

    /// <summary>Insert or replace the credentials row of <c>@StoreId</c> (<c>@Payload</c>, <c>@UpdatedAt</c>).</summary>
    public abstract string UpsertStoreCredentials { get; }

    /// <summary>Insert or replace the connector value of (<c>@StoreId</c>, <c>@Key</c>).</summary>
    public abstract string UpsertConnectorState { get; }

    /// <summary>Insert or replace the export of (<c>@StoreId</c>, <c>@RequestId</c>).</summary>
    public abstract string UpsertDataExport { get; }

    /// <summary>Insert or replace the template override of (<c>@StoreId</c>, <c>@Name</c>, <c>@Locale</c>, <c>@Part</c>): <c>@Source</c>, <c>@UpdatedAt</c>.</summary>
    public abstract string UpsertStoreTemplate { get; }

    /// <summary>
    /// Atomically leases due pending webhook deliveries (<c>@Now</c>, <c>@LeaseUntil</c>, <c>@Batch</c>) and returns them.
    /// </summary>
    public abstract string ClaimWebhookDeliveries { get; }

    /// <summary>
    /// Atomically claims due messages and returns the claimed rows (every column of <c>messages</c>).
    /// Parameters: <c>@Claimer</c>, <c>@Now</c>, <c>@LeaseUntil</c>, <c>@Batch</c>, <c>@Pending</c>, <c>@Claimed</c>.
    /// </summary>
    public abstract string ClaimDueMessages { get; }

    /// <summary>Starts a transaction that takes the write lock up front (SQLite: BEGIN IMMEDIATE).</summary>
    public virtual async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);

    /// <summary>True when <paramref name="exception"/> is a unique or primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

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

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
