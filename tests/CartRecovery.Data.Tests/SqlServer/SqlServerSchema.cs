using CartRecovery.Data.Schema;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>
/// The tables and columns (with nullability) the embedded <c>Schema/sqlserver</c> scripts create, read from their
/// ScriptDom trees: CREATE TABLE and ALTER TABLE ... ADD. A column is nullable unless declared NOT NULL, IDENTITY or part
/// of the primary key (as SQL Server decides with its default ANSI_NULL_DFLT_ON).
/// </summary>
public static class SqlServerSchema
{
    private const string Folder = "CartRecovery.Data.Schema.sqlserver.";

    /// <summary>Every script, by resource name in the order DbUp runs them.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>table → column → nullable, case-insensitive like SQL Server's default collation.</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, bool>> Tables { get; } = ReadTables();

    private static List<(string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            })
            .ToList();
    }

    private static Dictionary<string, Dictionary<string, bool>> ReadTables()
    {
        var collector = new TableCollector();
        foreach (var (name, sql) in Scripts)
            TSql.Parse(name, sql).Accept(collector);
        return collector.Tables;
    }

    private sealed class TableCollector : TSqlFragmentVisitor
    {
        public Dictionary<string, Dictionary<string, bool>> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node)
        {
            var columns = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            Tables[node.SchemaObjectName.BaseIdentifier.Value] = columns;
            Add(columns, node.Definition);
            foreach (var key in node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(c => c.IsPrimaryKey))
                foreach (var column in key.Columns)
                    columns[column.Column.MultiPartIdentifier.Identifiers[^1].Value] = false;
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            Assert.True(Tables.TryGetValue(table, out var columns), $"ALTER TABLE {table} before it is created");
            Add(columns!, node.Definition);
        }

        private static void Add(Dictionary<string, bool> columns, TableDefinition definition)
        {
            foreach (var column in definition.ColumnDefinitions)
            {
                var notNull = column.IdentityOptions is not null
                    || column.Constraints.Any(c => c is NullableConstraintDefinition { Nullable: false } or UniqueConstraintDefinition { IsPrimaryKey: true });
                columns[column.ColumnIdentifier.Value] = !notNull;
            }
        }
    }
}
