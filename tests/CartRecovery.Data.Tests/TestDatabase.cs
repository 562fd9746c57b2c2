using System.Data.Common;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Security;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using CartRecovery.Data.Schema;
using Dapper;
using DbUp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Data.Tests;

/// <summary>
/// A real database of its own for one test, composed exactly as the host composes it (<c>AddCartRecoveryData</c>
/// from configuration). Exposes every port plus raw SQL access for assertions on the stored rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _directory;
    private readonly Func<ValueTask> _cleanUp;

    private TestDatabase(ServiceProvider services, string directory, Func<ValueTask> cleanUp)
    {
        _services = services;
        _directory = directory;
        _cleanUp = cleanUp;
    }

    public string DataDirectory => _directory;
    public IServiceProvider Services => _services;
    public ICartRepository Carts => _services.GetRequiredService<ICartRepository>();
    public IMessageRepository Messages => _services.GetRequiredService<IMessageRepository>();
    public IStoreRepository Stores => _services.GetRequiredService<IStoreRepository>();
    public ISuppressionList Suppressions => _services.GetRequiredService<ISuppressionList>();
    public IFollowUpTaskRepository Tasks => _services.GetRequiredService<IFollowUpTaskRepository>();
    public IMetricsQuery Metrics => _services.GetRequiredService<IMetricsQuery>();
    public IStoreCredentialRepository Credentials => _services.GetRequiredService<IStoreCredentialRepository>();
    public IConnectorStateRepository ConnectorState => _services.GetRequiredService<IConnectorStateRepository>();
    public IWebhookInbox Inbox => _services.GetRequiredService<IWebhookInbox>();
    public IPrivacyRepository Privacy => _services.GetRequiredService<IPrivacyRepository>();
    public IJobRunRepository JobRuns => _services.GetRequiredService<IJobRunRepository>();
    public IMetricsRollup Rollup => _services.GetRequiredService<IMetricsRollup>();
    public IRetentionRepository Retention => _services.GetRequiredService<IRetentionRepository>();
    public ILeaveReasonRepository Reasons => _services.GetRequiredService<ILeaveReasonRepository>();
    public IAccountRepository Accounts => _services.GetRequiredService<IAccountRepository>();
    public IApiKeyRepository ApiKeys => _services.GetRequiredService<IApiKeyRepository>();
    public ISessionRepository Sessions => _services.GetRequiredService<ISessionRepository>();
    public ISignInLinkRepository SignInLinks => _services.GetRequiredService<ISignInLinkRepository>();
    public IInvitationRepository Invitations => _services.GetRequiredService<IInvitationRepository>();
    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>();
    public IDbConnectionFactory Connections => _services.GetRequiredService<IDbConnectionFactory>();
    public DatabaseMigrator Migrator => _services.GetRequiredService<DatabaseMigrator>();
    public SqlDialect Dialect => _services.GetRequiredService<SqlDialect>();

    /// <summary>A fresh SQLite file in a new temp folder (which the migrator creates), migrated unless told otherwise.</summary>
    public static Task<TestDatabase> CreateSqliteAsync(bool migrate = true)
    {
        var directory = NewDirectory();
        return CreateAsync(new() { ["Storage:DataDirectory"] = directory }, directory, migrate, () =>
        {
            // Pooled connections keep the file open; release them before deleting the folder.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Cleanup of a temp folder must not fail the test that used it.
            }
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// A fresh database named <paramref name="databaseName"/> on the server of <paramref name="connectionString"/>;
    /// <paramref name="dropAsync"/> runs after the services (and their connection pool) are disposed.
    /// </summary>
    public static Task<TestDatabase> CreateServerAsync(string provider, string connectionString, Func<ValueTask> dropAsync, bool migrate = true) =>
        CreateAsync(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
        }, "", migrate, dropAsync);

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "cartrecovery-data-tests", Guid.NewGuid().ToString("N"));

    private static async Task<TestDatabase> CreateAsync(Dictionary<string, string?> settings, string directory, bool migrate, Func<ValueTask> cleanUp)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<ISecretProtector, TestSecretProtector>()
            .AddCartRecoveryData()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var database = new TestDatabase(services, directory, cleanUp);
        if (migrate)
            await database.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>
    /// Applies the embedded scripts up to and including <paramref name="lastScript"/> (e.g. <c>0011_unfinished_attempts.sql</c>),
    /// journaled as the migrator journals them, so that a later <see cref="DatabaseMigrator.MigrateAsync"/> applies the rest
    /// to a database holding data from before them.
    /// </summary>
    public async Task MigrateThroughAsync(string lastScript)
    {
        var connectionString = _services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveConnectionString();
        await Dialect.PrepareDatabaseAsync(connectionString, NullLogger.Instance, TestContext.Current.CancellationToken);
        var folder = $"{typeof(DatabaseMigrator).Namespace}.{Dialect.Name}.";
        var result = Dialect.DeployTo(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly,
                name => name.StartsWith(folder, StringComparison.Ordinal) && string.CompareOrdinal(name[folder.Length..], lastScript) <= 0)
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migrating through {lastScript} failed: {result.Error?.Message}", result.Error);
    }

    /// <summary>Runs a query straight against the database, for assertions on what was actually stored.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? param = null)
    {
        await using var db = await Connections.OpenAsync(TestContext.Current.CancellationToken);
        return await db.ExecuteScalarAsync<T>(new CommandDefinition(sql, param, cancellationToken: TestContext.Current.CancellationToken))
            ?? throw new InvalidOperationException($"No value for: {sql}");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var db = await Connections.OpenAsync(TestContext.Current.CancellationToken);
        return (await db.QueryAsync<T>(new CommandDefinition(sql, param, cancellationToken: TestContext.Current.CancellationToken))).AsList();
    }

    public async Task<int> ExecuteAsync(string sql, object? param = null)
    {
        await using var db = await Connections.OpenAsync(TestContext.Current.CancellationToken);
        return await db.ExecuteAsync(new CommandDefinition(sql, param, cancellationToken: TestContext.Current.CancellationToken));
    }

    public async Task<DbConnection> OpenAsync() => await Connections.OpenAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cleanUp();
    }
}
