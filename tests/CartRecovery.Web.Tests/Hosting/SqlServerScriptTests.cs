using CartRecovery.Jobs.Scheduling;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>
/// T-SQL that no test here can run (no SQL Server in CI) is at least parsed as SQL Server 2022 parses it: Quartz's own
/// job-store script the migrator applies, and the setup script in infra/sqlserver.
/// </summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void QuartzSqlServerScript_EveryStatementParses()
    {
        var statements = QuartzSchema.Statements("sqlServer");

        Assert.NotEmpty(statements);
        Assert.All(statements, statement => AssertParses(statement, "Quartz create_sqlServer.sql"));
        Assert.Contains(statements, s => s.Contains("QRTZ_LOCKS", StringComparison.Ordinal));
    }

    [Fact]
    public void InfraSetupScripts_Parse()
    {
        // The repository's infra/sqlserver scripts, copied beside the tests by the project file.
        var scripts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "infra", "sqlserver"), "*.sql");

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
            AssertParses(File.ReadAllText(script), Path.GetFileName(script));
    }

    private static void AssertParses(string sql, string origin)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0,
            $"{origin}: " + string.Join("; ", errors.Select(e => $"line {e.Line} col {e.Column}: {e.Message}")));
    }
}
