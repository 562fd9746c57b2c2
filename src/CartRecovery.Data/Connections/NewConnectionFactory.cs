using System.Data.Common;

namespace CartRecovery.Data.Connections;

/// <summary>Opens a new connection of the provider per call (the provider pools them), disposing it if opening fails.</summary>
internal abstract class NewConnectionFactory : IDbConnectionFactory
{
    protected abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings the provider cannot take from its connection string.</summary>
    protected virtual Task OnOpenedAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await OnOpenedAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
