using System.Data.Common;

namespace CartRecovery.Jobs.Scheduling;

/// <summary>
/// Creates Quartz's job-store tables from the schema script Quartz ships inside its own assembly. That script only
/// creates what is missing and never drops anything, so running it on every migration is safe, and the tables stay
/// exactly the version the referenced Quartz expects.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";
    private const string StatementSeparator = "--;;";

    /// <param name="dialect">Quartz's script name: <c>sqlite</c>, <c>postgres</c> or <c>sqlServer</c>.</param>
    public static async Task ApplyAsync(DbConnection connection, string dialect, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var statement in Statements(dialect))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static IReadOnlyList<string> Statements(string dialect)
    {
        var name = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Quartz ships no schema script '{name}'.");
        using var reader = new StreamReader(stream);
        // {0} is the table prefix, {1} the same without a schema qualifier (for index and constraint names).
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);
        // Statements are separated by a line reading exactly "--;;" (the header comment mentions it too, so split on
        // whole lines only), and comment lines are dropped.
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in script.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Trim() == StatementSeparator)
            {
                Flush();
                continue;
            }
            if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal))
                current.Add(line);
        }
        Flush();
        return statements;

        void Flush()
        {
            var statement = string.Join('\n', current).Trim();
            if (statement.Length > 0)
                statements.Add(statement);
            current.Clear();
        }
    }
}
