using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Data.Schema;

/// <summary>Brings the database schema up to date with the numbered scripts embedded for the configured engine.</summary>
public sealed class DatabaseMigrator
{
    private readonly SqlDialect _dialect;
    private readonly string _connectionString;
    private readonly IDbConnectionFactory _connections;
    private readonly IReadOnlyList<ISchemaExtension> _extensions;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(
        IOptions<StorageOptions> options,
        SqlDialect dialect,
        IDbConnectionFactory connections,
        IEnumerable<ISchemaExtension> extensions,
        ILogger<DatabaseMigrator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentNullException.ThrowIfNull(logger);
        _dialect = dialect;
        _connectionString = options.Value.ResolveConnectionString();
        _connections = connections;
        _extensions = extensions.ToList();
        _logger = logger;
    }

    /// <summary>
    /// Applies every script not applied yet, each in its own transaction, then the schema extensions (Quartz's
    /// tables), all under the dialect's schema lock. Safe to run at every start, and on several nodes at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">A script failed; the message names it.</exception>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await _dialect.PrepareDatabaseAsync(_connectionString, _logger, ct);
        ct.ThrowIfCancellationRequested();

        await using var connection = await _connections.OpenAsync(ct);
        await using (await _dialect.AcquireSchemaLockAsync(connection, ct))
        {
            ApplyScripts();
            foreach (var extension in _extensions)
            {
                await extension.ApplyAsync(connection, _dialect.Name, ct);
                _logger.LogInformation("Applied schema extension {Extension}", extension.Name);
            }
        }
    }

    private void ApplyScripts()
    {
        var result = Build(log: true).PerformUpgrade();
        if (!result.Successful)
        {
            var script = result.ErrorScript?.Name ?? "(before any script)";
            throw new InvalidOperationException(
                $"Migrating the {_dialect.Name} database failed at {script}: {result.Error?.Message}", result.Error);
        }
        foreach (var applied in result.Scripts)
            _logger.LogInformation("Applied schema script {Script}", applied.Name);
    }

    /// <summary>True when every embedded script has been applied (for the health check).</summary>
    public Task<bool> IsUpToDateAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // Quietly: the health check asks every few seconds.
        return Task.FromResult(!Build(log: false).IsUpgradeRequired());
    }

    /// <summary>The embedded script names for this engine, in the order they run.</summary>
    internal IReadOnlyList<string> ScriptNames => Build(log: false).GetDiscoveredScripts().Select(s => s.Name).ToList();

    private UpgradeEngine Build(bool log)
    {
        // Resources are named <namespace>.<engine folder>.<file>, e.g. CartRecovery.Data.Schema.sqlite.0001_initial.sql.
        var folder = $"{typeof(DatabaseMigrator).Namespace}.{_dialect.Name}.";
        var builder = _dialect.DeployTo(_connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .WithVariablesDisabled();
        return (log ? builder.LogTo(_logger) : builder.LogToNowhere()).Build();
    }
}
