using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Data.Connections;

/// <summary>Opens pooled SQLite connections with foreign keys enforced.</summary>
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
}
