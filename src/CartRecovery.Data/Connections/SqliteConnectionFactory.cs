using System.Data.Common;
using CartRecovery.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Data.Connections;

/// <summary>Opens pooled SQLite connections with foreign keys enforced and deleted content overwritten.</summary>
internal sealed class SqliteConnectionFactory : NewConnectionFactory
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Foreign keys are off by default and per connection in SQLite; the provider runs the PRAGMA on every open.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString();
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    // secure_delete is per connection too, and has no connection-string keyword: without it a deleted row stays in
    // the file's free space until the page is reused, which an erasure must not allow. Pooled connections keep the
    // setting, so running it again on reuse costs one statement. synchronous is per connection as well, and a pooled
    // connection keeps whatever its last user chose, so every open says which one it wants: FULL flushes the log to
    // disk at each commit; NORMAL (inside RelaxedDurability) leaves the flush to the next FULL commit or checkpoint.
    // busy_timeout lets SQLite itself wait for another connection's write lock, backing off from 1 ms; without it the
    // provider sees SQLITE_BUSY and sleeps 150 ms before each retry, which was most of the hot paths' tail latency.
    private const string DurableSql = "PRAGMA secure_delete=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
    private const string RelaxedSql = "PRAGMA secure_delete=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = RelaxedDurability.IsOn ? RelaxedSql : DurableSql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
