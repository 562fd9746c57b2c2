using System.Data.Common;
using CartRecovery.Core.Storage;
using Npgsql;

namespace CartRecovery.Data.Connections;

/// <summary>
/// Opens pooled PostgreSQL connections from <see cref="NpgsqlDataSource"/>s (which own the pools): one for ordinary
/// writes, and one whose sessions start with <c>synchronous_commit=off</c> for <see cref="RelaxedDurability"/> scopes.
/// </summary>
/// <remarks>
/// The relaxed setting is a startup option of the second pool's sessions rather than a <c>SET</c> after each open: that
/// was a round trip per open on the hot paths. A session keeps it through Npgsql's reset (<c>DISCARD ALL</c> or
/// <c>RESET ALL</c> go back to the startup value), and a connection of the ordinary pool never has it.
/// </remarks>
internal sealed class PostgresConnectionFactory : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _relaxedSource;

    /// <summary>
    /// Statements Npgsql prepares on each connection when the connection string does not say (<c>Max Auto Prepare</c>):
    /// a statement run a few times is parsed and planned once per session instead of on every run, which the server
    /// otherwise does on the same CPUs for each of the hot paths' statements.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    public PostgresConnectionFactory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        connectionString = WithAutoPrepare(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var relaxed = new NpgsqlConnectionStringBuilder(connectionString);
        relaxed.Options = string.IsNullOrWhiteSpace(relaxed.Options) ? "-c synchronous_commit=off" : $"{relaxed.Options} -c synchronous_commit=off";
        _relaxedSource = NpgsqlDataSource.Create(relaxed.ConnectionString);
    }

    /// <summary>The connection string with <see cref="DefaultMaxAutoPrepare"/> unless it sets Max Auto Prepare itself (0 turns it off).</summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct) =>
        await (RelaxedDurability.IsOn ? _relaxedSource : _dataSource).OpenConnectionAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _relaxedSource.DisposeAsync();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _relaxedSource.Dispose();
    }
}
