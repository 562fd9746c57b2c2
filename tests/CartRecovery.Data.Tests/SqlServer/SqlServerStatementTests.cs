namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>
/// No SQL Server runs in CI, so everything the app would send it is parsed with ScriptDom (SQL Server 2022 grammar)
/// and checked against the tables and columns the sqlserver migration scripts create.
/// </summary>
public sealed class SqlServerStatementTests
{
    public static TheoryData<string> ScriptNames() => [.. SqlServerSchema.Scripts.Select(s => s.Name)];

    public static TheoryData<string> StatementNames() => [.. SqlServerStatements.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void EveryMigrationScript_Parses(string name) =>
        TSql.Parse(name, SqlServerSchema.Scripts.Single(s => s.Name == name).Sql);

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

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void EveryStatement_ParsesAndNamesOnlyTablesAndColumnsTheSchemaCreates(string name)
    {
        var script = TSql.Parse(name, SqlServerStatements.All.Single(s => s.Name == name).Sql);

        var problems = SqlServerNameCheck.Problems(name, script, SqlServerSchema.Tables).ToList();
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
        Assert.Contains("PrivacyStore.EraseCustomerSql[0]", names);
        Assert.Contains("MetricsQuery.SomeStoresSql", names);
        Assert.Contains("CartStore.InsertCartSql (composed)", names);
        Assert.Contains(SqlServerStatements.All, s => s.Sql.Contains("IN (@CartIds1, @CartIds2)", StringComparison.Ordinal));
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
