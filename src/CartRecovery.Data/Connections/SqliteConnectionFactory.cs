using System.Data.Common;
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
    // setting, so running it again on reuse costs one statement.
    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        await command.ExecuteNonQueryAsync(ct);
    }
}
