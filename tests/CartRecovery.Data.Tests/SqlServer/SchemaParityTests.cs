namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>
/// The three engines have the same tables, columns and nullability: what the sqlserver scripts create (read with
/// ScriptDom) equals what a migrated SQLite and a migrated PostgreSQL database hold. DbUp's journal and Quartz's
/// QRTZ_ tables are left out.
/// </summary>
public sealed class SchemaParityTests
{
    [Fact]
    public async Task SqlServerScripts_CreateTheColumnsAndNullabilityOfSqlite()
    {
        var sqlServer = SqlServerSchema.Tables
            .SelectMany(t => t.Value.Select(c => Describe(t.Key, c.Key, c.Value)))
            .Where(Ours)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(sqlServer.Count > 100, $"only {sqlServer.Count} SQL Server columns read");
        Assert.Equal(await SqliteColumnsAsync(), sqlServer);
    }

    [Fact]
    public async Task Postgres_HasTheColumnsAndNullabilityOfSqlite()
    {
        await using var postgres = await TestDatabases.PostgresAsync();
        var postgresColumns = (await postgres.QueryAsync<(string Table, string Column, string Nullable)>("""
                SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()
                """))
            .Select(c => Describe(c.Table, c.Column, c.Nullable == "YES"))
            .Where(Ours)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(await SqliteColumnsAsync(), postgresColumns);
    }

    private static async Task<List<string>> SqliteColumnsAsync()
    {
        await using var sqlite = await TestDatabases.SqliteAsync();
        return (await sqlite.QueryAsync<(string Table, string Column, long NotNull, long Pk)>("""
                SELECT m.name, p.name, p."notnull", p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                """))
            // STRICT tables keep NULL out of primary key columns whether declared NOT NULL or not.
            .Select(c => Describe(c.Table, c.Column, c.NotNull == 0 && c.Pk == 0))
            .Where(Ours)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Describe(string table, string column, bool nullable) =>
        $"{table.ToLowerInvariant()}.{column.ToLowerInvariant()} {(nullable ? "NULL" : "NOT NULL")}";

    private static bool Ours(string column) =>
        !column.StartsWith("schema_versions.", StringComparison.Ordinal) && !column.StartsWith("qrtz_", StringComparison.Ordinal);
}
