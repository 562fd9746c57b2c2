using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>
/// Finds table and column names a T-SQL statement uses that the schema does not have. Per top-level statement:
/// a qualified column (<c>c.email</c>) must exist in the table its alias or name stands for; an unqualified one in
/// some table of the statement. CTE names stand for the tables their query reads; <c>inserted.</c>/<c>deleted.</c>
/// for any table of the statement; the alias of a table value constructor (<c>(VALUES ...) AS v (a, b)</c>) for its
/// column list.
/// </summary>
public static class SqlServerNameCheck
{
    public static IEnumerable<string> Problems(string name, TSqlScript script, IReadOnlyDictionary<string, Dictionary<string, bool>> schema)
    {
        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            var names = new NameCollector();
            statement.Accept(names);
            foreach (var problem in Check(names, schema))
                yield return $"{name}: {problem}";
        }
    }

    private static List<string> Check(NameCollector names, IReadOnlyDictionary<string, Dictionary<string, bool>> schema)
    {
        var problems = new List<string>();

        HashSet<string> ColumnsOf(string table)
        {
            if (schema.TryGetValue(table, out var columns))
                return columns.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Ctes.TryGetValue(table, out var sources))
                return sources.Where(schema.ContainsKey).SelectMany(s => schema[s].Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
            problems.Add($"table '{table}' is not created by the sqlserver scripts");
            return [];
        }

        var tables = names.Tables.Select(t => t.Table).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(t => t, ColumnsOf, StringComparer.OrdinalIgnoreCase);
        var aliases = names.Tables.Where(t => t.Alias is not null)
            .ToDictionary(t => t.Alias!, t => t.Table, StringComparer.OrdinalIgnoreCase);
        // Unqualified names may also be the output columns of a derived table (SELECT ... FROM (SELECT 1 AS n) t).
        var anyTable = tables.Values.SelectMany(c => c).Concat(names.DerivedColumns).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var (qualifier, column) in names.Columns)
        {
            if (qualifier is null)
            {
                if (!anyTable.Contains(column))
                    problems.Add($"column '{column}' is in none of its tables ({string.Join(", ", tables.Keys)})");
            }
            else if (qualifier is "inserted" or "deleted" or "INSERTED" or "DELETED")
            {
                if (!anyTable.Contains(column))
                    problems.Add($"column '{qualifier}.{column}' is in none of its tables ({string.Join(", ", tables.Keys)})");
            }
            else if (names.InlineTables.TryGetValue(qualifier, out var inline))
            {
                if (!inline.Contains(column, StringComparer.OrdinalIgnoreCase))
                    problems.Add($"column '{column}' is not in the VALUES list '{qualifier}'");
            }
            else if ((aliases.TryGetValue(qualifier, out var table) ? table : tables.ContainsKey(qualifier) ? qualifier : null) is not { } resolved)
                problems.Add($"'{qualifier}.{column}' uses an unknown alias or table");
            else if (!tables[resolved].Contains(column))
                problems.Add($"column '{column}' is not in '{resolved}'");
        }
        return problems;
    }

    private sealed class NameCollector : TSqlFragmentVisitor
    {
        public List<(string Table, string? Alias)> Tables { get; } = [];
        public List<(string? Qualifier, string Column)> Columns { get; } = [];
        public Dictionary<string, List<string>> Ctes { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> DerivedColumns { get; } = [];
        public Dictionary<string, List<string>> InlineTables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(InlineDerivedTable node)
        {
            if (node.Alias is not null)
                InlineTables[node.Alias.Value] = node.Columns.Select(c => c.Value).ToList();
        }

        public override void Visit(QueryDerivedTable node)
        {
            // A UNION names its columns after its first (leftmost) query.
            var query = node.QueryExpression;
            while (query is BinaryQueryExpression union)
                query = union.FirstQueryExpression;
            if (query is QuerySpecification first)
                DerivedColumns.AddRange(first.SelectElements.OfType<SelectScalarExpression>()
                    .Where(e => e.ColumnName is not null).Select(e => e.ColumnName.Value));
        }

        public override void Visit(NamedTableReference node) =>
            Tables.Add((node.SchemaObject.BaseIdentifier.Value, node.Alias?.Value));

        public override void Visit(CommonTableExpression node)
        {
            var inner = new NameCollector();
            node.QueryExpression.Accept(inner);
            Ctes[node.ExpressionName.Value] = inner.Tables.Select(t => t.Table).ToList();
        }

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.ColumnType != ColumnType.Regular || node.MultiPartIdentifier is not { } identifier)
                return;
            var parts = identifier.Identifiers;
            Columns.Add(parts.Count > 1 ? (parts[^2].Value, parts[^1].Value) : (null, parts[0].Value));
        }
    }
}
