using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// What the SQLite file holds: per table, its row count and a hash of every row. SQLite's <c>data_version</c> (which
/// changes when another connection commits) makes the common case cheap: no commit since the last look, no change.
/// </summary>
public sealed class DatabaseSnapshot : IDisposable
{
    private readonly SqliteConnection _db;
    private long _seenVersion;
    private IReadOnlyDictionary<string, TableState> _baseline;

    private DatabaseSnapshot(SqliteConnection db)
    {
        _db = db;
        _seenVersion = DataVersion();
        _baseline = Read();
    }

    public sealed record TableState(long Rows, string Hash);

    public static DatabaseSnapshot Open(string file)
    {
        // Pooling off: this connection lives as long as the suite and must not be handed to anyone else.
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        return new DatabaseSnapshot(db);
    }

    public IReadOnlyCollection<string> Tables => _baseline.Keys.ToList();

    /// <summary>The tables whose rows changed since the baseline (counts or contents), described for a failure message.</summary>
    public IReadOnlyList<string> ChangesSinceBaseline()
    {
        if (DataVersion() == _seenVersion)
            return [];
        var now = Read();
        var changed = new List<string>();
        foreach (var (table, state) in now)
        {
            var before = _baseline.GetValueOrDefault(table);
            if (before is null)
                changed.Add($"{table}: new table with {state.Rows} rows");
            else if (before.Rows != state.Rows)
                changed.Add($"{table}: {before.Rows} → {state.Rows} rows");
            else if (before.Hash != state.Hash)
                changed.Add($"{table}: {state.Rows} rows, contents changed");
        }
        return changed;
    }

    /// <summary>Takes the current contents as the new baseline (after a request that was allowed to change data).</summary>
    public void Rebase()
    {
        _seenVersion = DataVersion();
        _baseline = Read();
    }

    public void Dispose() => _db.Dispose();

    private long DataVersion()
    {
        using var command = _db.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    private Dictionary<string, TableState> Read()
    {
        var tables = new List<string>();
        using (var list = _db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        var states = new Dictionary<string, TableState>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var select = _db.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                        hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
                }
            }
            states[table] = new TableState(rows, Convert.ToHexString(hash.GetHashAndReset()));
        }
        return states;
    }
}
