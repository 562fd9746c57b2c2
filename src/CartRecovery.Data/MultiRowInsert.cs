using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Data.Connections;

namespace CartRecovery.Data;

/// <summary>
/// Writes a list of rows with one <c>INSERT ... VALUES (...), (...)</c> statement (run by a <see cref="StatementBatch"/>)
/// where Dapper, given a list, runs the statement once per row: every statement costs a prepare on SQLite and a round
/// trip on the server engines. The store keeps its single-row INSERT next to its method; row <c>i</c> of the statement
/// takes its parameters as <c>@Name_i</c>, read from the row's properties of the same name.
/// </summary>
internal static partial class MultiRowInsert
{
    /// <summary>
    /// SQL Server accepts at most 2,100 parameters in one command (SQLite 32,766, PostgreSQL 65,535); rows beyond what
    /// fits under this go into a further statement.
    /// </summary>
    internal const int MaxParameters = 2000;

    private static readonly ConcurrentDictionary<(string Sql, int Rows), string> Built = new();

    /// <summary><paramref name="insertSql"/> (a single-row INSERT) with its VALUES tuple repeated for <paramref name="rows"/> rows.</summary>
    public static string Sql(string insertSql, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return Built.GetOrAdd((insertSql, rows), static key => Build(Shape.Of(key.Sql), key.Rows));
    }

    private static string Build(Shape shape, int rows)
    {
        var sql = new StringBuilder(shape.Head.Length + rows * (shape.Tuple.Length + 16)).Append(shape.Head);
        for (var i = 0; i < rows; i++)
        {
            var suffix = "_" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(Parameter().Replace(shape.Tuple, m => m.Value + suffix));
        }
        return sql.ToString();
    }

    /// <summary>
    /// Adds the statements that insert <paramref name="rows"/> to <paramref name="batch"/>: as few as the parameter limit
    /// allows, each passed through <paramref name="compose"/> (the dialect's insert-or-ignore, for example).
    /// </summary>
    public static void AddTo<T>(StatementBatch batch, string insertSql, IReadOnlyList<T> rows, Func<string, string> compose)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(compose);
        var shape = Shape.Of(insertSql);
        var getters = shape.Parameters.Select(Getter<T>).ToList();
        var perStatement = Math.Max(1, MaxParameters / Math.Max(1, shape.Parameters.Count));
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var parameters = new List<(string, object?)>(count * getters.Count);
            for (var i = 0; i < count; i++)
            {
                var suffix = "_" + i.ToString(CultureInfo.InvariantCulture);
                for (var p = 0; p < getters.Count; p++)
                    parameters.Add((shape.Parameters[p] + suffix, getters[p](rows[start + i]!)));
            }
            batch.Add(compose(Sql(insertSql, count)), parameters);
        }
    }

    private static Func<object, object?> Getter<T>(string name)
    {
        var property = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{typeof(T).Name} has no property {name} for the parameter @{name}.", nameof(name));
        return property.GetValue;
    }

    /// <summary>A single-row INSERT split before its VALUES tuple, and the parameters of the tuple in order.</summary>
    private sealed record Shape(string Head, string Tuple, IReadOnlyList<string> Parameters)
    {
        private static readonly ConcurrentDictionary<string, Shape> Known = new(StringComparer.Ordinal);

        public static Shape Of(string insertSql)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(insertSql);
            return Known.GetOrAdd(insertSql, static sql =>
            {
                var match = SingleRow().Match(sql);
                if (!match.Success)
                    throw new ArgumentException($"Expected INSERT INTO table (columns) VALUES (values): {sql}", nameof(insertSql));
                var tuple = match.Groups["tuple"].Value;
                var parameters = Parameter().Matches(tuple).Select(m => m.Value[1..]).Distinct(StringComparer.Ordinal).ToList();
                return new Shape(sql[..match.Groups["tuple"].Index], tuple, parameters);
            });
        }
    }

    [GeneratedRegex(@"^\s*INSERT\s+INTO\s+\w+\s*\([^()]*\)\s*VALUES\s*(?<tuple>\([^()]*\))\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SingleRow();

    [GeneratedRegex(@"@\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
