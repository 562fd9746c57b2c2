namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>
/// No SQL Server runs in CI, so everything the app would send it is parsed with ScriptDom (SQL Server 2022 grammar)
/// and checked against the tables and columns the sqlserver migration scripts create.
/// </summary>
public sealed class SqlServerStatementTests
{
    // One test over every script and one over every statement, each naming all that fail, rather than a theory row
    // per script or statement: rows made the suite's test count follow the code (Data went from 640 tests to 639 when a
    // dead statement was deleted, with no test changed), so a count could not tell a lost test from a lost statement.
    [Fact]
    public void EveryMigrationScript_Parses()
    {
        var problems = SqlServerSchema.Scripts.Select(s => TSql.TryParse(s.Name, s.Sql, out var problem) is null ? problem : null)
            .OfType<string>().ToList();

        Assert.True(SqlServerSchema.Scripts.Count > 0, "no sqlserver script found");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
    }

    [Fact]
    public void TheScripts_HaveTheSameNamesAsTheSqliteAndPostgresScripts()
    {
        var names = typeof(DataServiceCollectionExtensions).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n.Split('.'))
            .GroupBy(parts => parts[^3], parts => string.Join('.', parts[^2..]))
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList());

        Assert.Equal(["postgres", "sqlite", "sqlserver"], names.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(names["sqlite"], names["sqlserver"]);
        Assert.Equal(names["sqlite"], names["postgres"]);
    }

    [Fact]
    public void EveryStatement_ParsesAndNamesOnlyTablesAndColumnsTheSchemaCreates()
    {
        var problems = SqlServerStatements.All.SelectMany(s => TSql.TryParse(s.Name, s.Sql, out var problem) is { } script
            ? SqlServerNameCheck.Problems(s.Name, script, SqlServerSchema.Tables)
            : new[] { problem }).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheHarvest_FindsTheStatementsOfEveryStoreAndTheDialect()
    {
        var names = SqlServerStatements.All.Select(s => s.Name).ToList();

        Assert.True(names.Count > 80, $"only {names.Count} statements harvested");
        Assert.Contains("SqlServerDialect.ClaimDueMessages", names);
        Assert.Contains("SqlServerDialect.UpsertStore", names);
        Assert.Contains("SqlServerDialect.LockSchemaSql", names);
        Assert.Contains("PrivacyRepository.EraseCustomerSql[0]", names);
        Assert.Contains("MetricsQuery.SomeStoresSql", names);
        Assert.Contains("CartRepository.InsertCartSql (composed)", names);
        Assert.Contains(SqlServerStatements.All, s => s.Sql.Contains("IN (@CartIds1, @CartIds2)", StringComparison.Ordinal));
        Assert.Contains(SqlServerStatements.All, s => s.Sql.Contains("(@CartId_1, @Position_1", StringComparison.Ordinal));
        Assert.Contains(SqlServerStatements.All, s => s.Sql.Contains("FROM (VALUES (@StoreId_0, @Ref_0, @CartId_0), (@StoreId_1", StringComparison.Ordinal));
    }

    [Fact]
    public void TheChecker_ReportsUnknownTablesColumnsAndAliases()
    {
        var script = TSql.Parse("bad", """
            SELECT c.id, c.emial, nope, x.id FROM carts c JOIN stores s ON s.id = c.store_id;
            UPDATE messeges SET status = 1;
            """);

        var problems = SqlServerNameCheck.Problems("bad", script, SqlServerSchema.Tables).ToList();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("column 'emial' is not in 'carts'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("column 'nope' is in none of its tables", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'x.id' uses an unknown alias", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("table 'messeges' is not created", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("column 'status' is in none of its tables (messeges)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheChecker_ReadsTheColumnsOfAValuesList()
    {
        var script = TSql.Parse("values", """
            INSERT INTO cart_refs (store_id, ref, cart_id)
            SELECT v.store_id, v.reff, v.cart_id FROM (VALUES (1, 'a', 2)) AS v (store_id, ref, cart_id)
            """);

        Assert.Equal(["values: column 'reff' is not in the VALUES list 'v'"], SqlServerNameCheck.Problems("values", script, SqlServerSchema.Tables));
    }

    [Fact]
    public void TheSchema_KnowsNullabilityFromNotNullIdentityAndPrimaryKeys()
    {
        var tables = SqlServerSchema.Tables;

        Assert.False(tables["stores"]["id"]);
        Assert.False(tables["suppressions"]["email_normalized"]);
        Assert.False(tables["stores"]["status"]);
        Assert.True(tables["stores"]["public_key"]);
        Assert.True(tables["carts"]["email"]);
        Assert.False(tables["connector_state"]["key"]);
    }
}
