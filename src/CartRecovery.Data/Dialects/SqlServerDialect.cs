using System.Data.Common;
using System.Text.RegularExpressions;
using CartRecovery.Data.Connections;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;

namespace CartRecovery.Data.Dialects;

/// <summary>
/// SQL Server: OFFSET/FETCH paging, OUTPUT instead of RETURNING, UPDATE-then-INSERT under UPDLOCK + SERIALIZABLE instead
/// of ON CONFLICT (MERGE has too many caveats), claims with READPAST so concurrent dispatchers skip each other's rows.
/// Every statement here and every store statement composed with it is parsed by ScriptDom in the tests, and checked
/// against the tables and columns of <c>Schema/sqlserver</c>: no SQL Server runs in CI.
/// </summary>
public sealed partial class SqlServerDialect : SqlDialect
{
    /// <summary>Nodes migrate one at a time under this application lock, owned by the session (freed if it dies).</summary>
    internal const string LockSchemaSql = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'cartrecovery-schema', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1;
        SELECT @result;
        """;

    internal const string UnlockSchemaSql = "EXEC sp_releaseapplock @Resource = N'cartrecovery-schema', @LockOwner = 'Session';";

    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    public override string Name => StorageOptions.SqlServer;

    public override IDbConnectionFactory CreateConnectionFactory(string connectionString) =>
        new SqlServerConnectionFactory(connectionString);

    /// <summary>OFFSET/FETCH needs the ORDER BY every paged statement has.</summary>
    public override string Page(string orderedSql) => $"{orderedSql} OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    /// <summary><c>OUTPUT INSERTED.id</c> goes between the column list and VALUES.</summary>
    public override string InsertReturningId(string insertSql)
    {
        var insert = SimpleInsert.Parse(insertSql);
        return $"INSERT INTO {insert.Table} ({string.Join(", ", insert.Columns)}) OUTPUT INSERTED.id VALUES ({string.Join(", ", insert.Values)})";
    }

    /// <summary>
    /// <c>INSERT ... SELECT ... WHERE NOT EXISTS</c> with UPDLOCK + HOLDLOCK on the key range, so that two sessions
    /// inserting the same key queue instead of both finding it missing. Several rows (<c>VALUES (...), (...)</c>, none
    /// sharing a key) are selected from a table value constructor and each checked the same way.
    /// </summary>
    public override string InsertIgnoringDuplicates(string insertSql, string conflictColumns)
    {
        var insert = SimpleInsert.Parse(insertSql);
        var keys = conflictColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var columns = string.Join(", ", insert.Columns);
        if (insert.Rows.Count == 1)
            return $"""
                INSERT INTO {insert.Table} ({columns})
                SELECT {string.Join(", ", insert.Values)}
                WHERE NOT EXISTS (SELECT 1 FROM {insert.Table} WITH (UPDLOCK, HOLDLOCK) WHERE {string.Join(" AND ", keys.Select(k => $"{k} = {insert.ValueOf(k)}"))})
                """;
        return $"""
            INSERT INTO {insert.Table} ({columns})
            SELECT {string.Join(", ", insert.Columns.Select(c => $"v.{c}"))}
            FROM (VALUES {string.Join(", ", insert.Rows.Select(r => $"({string.Join(", ", r)})"))}) AS v ({columns})
            WHERE NOT EXISTS (SELECT 1 FROM {insert.Table} t WITH (UPDLOCK, HOLDLOCK) WHERE {string.Join(" AND ", keys.Select(k => $"t.{k} = v.{k}"))})
            """;
    }

    public override string UpsertStore => Upsert("stores", ["platform", "external_id"],
        ["name", "storefront_url", "currency", "time_zone", "locale", "abandon_after_ms", "sequence", "sender_email", "sender_name",
         "status", "api_base_url", "sending_paused_reason", "reply_to", "logo_url", "brand_color", "postal_address", "message_stream"],
        insertOnly: ["created_at", "public_key"],
        keptWhenNull: ["account_id"],
        then: "SELECT id FROM stores WHERE platform = @Platform AND external_id = @ExternalId;");

    public override string UpsertStoreCredentials => Upsert("store_credentials", ["store_id"], ["payload", "updated_at"]);

    public override string UpsertConnectorState => Upsert("connector_state", ["store_id", "\"key\""], ["value", "updated_at"]);

    public override string UpsertDataExport => Upsert("data_exports", ["store_id", "request_id"], ["email", "json", "created_at"]);

    public override string UpsertStoreTemplate => Upsert("store_templates", ["store_id", "name", "locale", "part"], ["source", "updated_at"]);

    // READPAST skips rows other claimers hold, UPDLOCK keeps ours until the statement ends, ROWLOCK avoids escalation.
    // TOP in UPDATE cannot take ORDER BY, hence the CTE.
    public override string ClaimWebhookDeliveries => """
        WITH next AS (
            SELECT TOP (@Batch) * FROM webhook_deliveries WITH (ROWLOCK, READPAST, UPDLOCK)
            WHERE status = @Pending AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
            ORDER BY next_attempt_at, id)
        UPDATE next SET lease_until = @LeaseUntil
        OUTPUT inserted.*;
        """;

    public override string ClaimDueMessages => ClaimMessages(DueMessages, DueMessagesOrder);

    public override string ClaimExpiredMessageLeases => ClaimMessages(ExpiredMessageLeases, ExpiredMessageLeasesOrder);

    private static string ClaimMessages(string condition, string order) => $"""
        WITH next AS (
            SELECT TOP (@Batch) * FROM messages WITH (ROWLOCK, READPAST, UPDLOCK)
            WHERE {condition}
            ORDER BY {order})
        UPDATE next SET status = @Claimed, claimed_by = @Claimer, lease_until = @LeaseUntil, attempts = attempts + 1,
            unfinished_attempts = unfinished_attempts + 1
        OUTPUT inserted.*;
        """;

    public override string LockAccount => "SELECT id FROM accounts WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE id = @AccountId";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException { Number: DuplicateKeyInUniqueIndex or UniqueConstraintViolation };

    public override async ValueTask<IAsyncDisposable> AcquireSchemaLockAsync(DbConnection connection, CancellationToken ct)
    {
        var result = Convert.ToInt32(await ExecuteScalarUnboundedAsync(connection, LockSchemaSql, ct), System.Globalization.CultureInfo.InvariantCulture);
        if (result < 0)
            throw new InvalidOperationException($"sp_getapplock refused the schema lock ({result}).");
        return ReleaseOnDispose(connection, UnlockSchemaSql);
    }

    public override UpgradeEngineBuilder DeployTo(string connectionString) =>
        DeployChanges.To.SqlDatabase(connectionString)
            .JournalToSqlTable("dbo", "schema_versions");

    /// <summary>
    /// Update the row of <paramref name="keys"/>, else insert it, in one transaction: UPDLOCK + SERIALIZABLE hold the key
    /// range until the INSERT, so a concurrent upsert of the same key waits instead of failing on the primary key.
    /// Parameters are the columns in PascalCase (<c>store_id</c> = <c>@StoreId</c>). A <paramref name="keptWhenNull"/>
    /// column keeps its stored value when its parameter is null.
    /// </summary>
    private static string Upsert(string table, string[] keys, string[] updates, string[]? insertOnly = null, string[]? keptWhenNull = null,
        string? then = null)
    {
        var columns = keys.Concat(updates).Concat(insertOnly ?? []).Concat(keptWhenNull ?? []).ToList();
        var assignments = updates.Select(c => $"{c} = {Parameter(c)}")
            .Concat((keptWhenNull ?? []).Select(c => $"{c} = COALESCE({Parameter(c)}, {c})"));
        return $"""
            SET XACT_ABORT ON;
            BEGIN TRANSACTION;
            UPDATE {table} WITH (UPDLOCK, SERIALIZABLE)
            SET {string.Join(", ", assignments)}
            WHERE {string.Join(" AND ", keys.Select(c => $"{c} = {Parameter(c)}"))};
            IF @@ROWCOUNT = 0
                INSERT INTO {table} ({string.Join(", ", columns)})
                VALUES ({string.Join(", ", columns.Select(Parameter))});
            COMMIT TRANSACTION;
            {then}
            """.TrimEnd();
    }

    /// <summary><c>store_id</c> → <c>@StoreId</c>; quotes are dropped (<c>"key"</c> → <c>@Key</c>).</summary>
    private static string Parameter(string column) =>
        "@" + string.Concat(column.Trim('"').Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>
    /// An <c>INSERT INTO table (columns) VALUES (values)</c> as every store writes them, or with several rows as
    /// <see cref="MultiRowInsert"/> repeats them. <see cref="Values"/> are the first row's.
    /// </summary>
    private sealed partial record SimpleInsert(string Table, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
    {
        public IReadOnlyList<string> Values => Rows[0];

        public static SimpleInsert Parse(string sql)
        {
            var match = Shape().Match(sql);
            if (!match.Success)
                throw new ArgumentException($"Expected INSERT INTO table (columns) VALUES (values): {sql}", nameof(sql));
            var columns = Split(match.Groups["columns"].Value);
            var rows = match.Groups["values"].Captures.Select(c => Split(c.Value)).ToList();
            if (rows.Any(r => r.Count != columns.Count))
                throw new ArgumentException($"{columns.Count} columns but a row of another length: {sql}", nameof(sql));
            return new SimpleInsert(match.Groups["table"].Value, columns, rows);
        }

        public string ValueOf(string column)
        {
            var index = Columns.ToList().FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? Values[index] : throw new ArgumentException($"{column} is not inserted into {Table}.", nameof(column));
        }

        private static List<string> Split(string list) =>
            list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

        [GeneratedRegex(@"^\s*INSERT\s+INTO\s+(?<table>\w+)\s*\((?<columns>[^()]*)\)\s*VALUES\s*\((?<values>[^()]*)\)(?:\s*,\s*\((?<values>[^()]*)\))*\s*;?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
        private static partial Regex Shape();
    }
}
