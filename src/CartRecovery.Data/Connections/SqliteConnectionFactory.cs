using System.Data.Common;
using System.Runtime.CompilerServices;
using CartRecovery.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CartRecovery.Data.Connections;

/// <summary>Opens pooled SQLite connections with foreign keys enforced and deleted content overwritten.</summary>
internal sealed class SqliteConnectionFactory : NewConnectionFactory, IPreparedReads, IDisposable
{
    private readonly string _connectionString;
    private readonly SqlitePreparedReads _preparedReads;

    public SqliteConnectionFactory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Foreign keys are off by default and per connection in SQLite: OnOpenedAsync turns them on with the other
        // per-connection settings (one statement per open; the provider's ForeignKeys keyword would be a second).
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = null }.ToString();
        _preparedReads = new SqlitePreparedReads(OpenAsync);
    }

    public Task<T?> QueryByIdAsync<T>(string sql, long id, CancellationToken ct) where T : class => _preparedReads.QueryByIdAsync<T>(sql, id, ct);

    public void Dispose() => _preparedReads.Dispose();

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    // secure_delete is per connection too, and has no connection-string keyword: without it a deleted row stays in
    // the file's free space until the page is reused, which an erasure must not allow. busy_timeout lets SQLite itself
    // wait for another connection's write lock, backing off from 1 ms; without it the provider sees SQLITE_BUSY and
    // sleeps 150 ms before each retry, which was most of the hot paths' tail latency. synchronous says whether a commit
    // waits for the disk: FULL, or NORMAL inside RelaxedDurability (the flush is left to the next FULL commit).
    // A pooled connection keeps all of them, so they are set when the provider opens a new SQLite handle and afterwards
    // only synchronous, when this user wants the other value: most opens of a hot path then run no statement at all.
    private const string SettingsSql = "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA busy_timeout=30000;";
    private const string DurableSql = "PRAGMA synchronous=FULL;";
    private const string RelaxedSql = "PRAGMA synchronous=NORMAL;";

    private static readonly ConditionalWeakTable<sqlite3, Settings> Applied = [];

    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken ct)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        var relaxed = RelaxedDurability.IsOn;
        if (Applied.TryGetValue(handle, out var settings) && settings.Relaxed == relaxed)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = (settings is null ? SettingsSql : "") + (relaxed ? RelaxedSql : DurableSql);
        await command.ExecuteNonQueryAsync(ct);
        Applied.AddOrUpdate(handle, new Settings(relaxed));
    }

    private sealed record Settings(bool Relaxed);
}
