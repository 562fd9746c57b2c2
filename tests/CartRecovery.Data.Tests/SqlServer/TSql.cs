using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>Parses T-SQL as SQL Server 2022 does (ScriptDom, quoted identifiers on as SqlClient sets them).</summary>
public static class TSql
{
    public static TSqlScript Parse(string name, string sql)
    {
        var script = TryParse(name, sql, out var problem);
        Assert.True(script is not null, problem);
        return script;
    }

    /// <summary>The script, or null and what is wrong with it (its errors and its text).</summary>
    public static TSqlScript? TryParse(string name, string sql, out string problem)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        problem = errors.Count == 0 ? "" : $"{name} does not parse as T-SQL:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => $"  {e.Number} line {e.Line} col {e.Column}: {e.Message}")) +
            $"{Environment.NewLine}{sql}";
        return errors.Count == 0 ? (TSqlScript)fragment : null;
    }
}
