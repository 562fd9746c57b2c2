using System.Data.Common;
using CartRecovery.Core.Storage;
using Npgsql;

namespace CartRecovery.Data.Connections;

/// <summary>Opens pooled PostgreSQL connections from one <see cref="NpgsqlDataSource"/> (which owns the pool).</summary>
internal sealed class PostgresConnectionFactory : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnectionFactory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        if (!RelaxedDurability.IsOn)
            return connection;
        // A session setting: Npgsql resets the session (DISCARD ALL) when the connection goes back to the pool, so the
        // next user gets the server's default (on) again.
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SET synchronous_commit TO off";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
