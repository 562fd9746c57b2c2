using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Data;
using CartRecovery.Data.Schema;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Hosting;

/// <summary>What must be true before the app serves anything: the schema (ours and Quartz's) and, in demo mode, the demo store.</summary>
internal sealed partial class StartupTasks(
    DatabaseMigrator migrator,
    IStoreRepository stores,
    IOptions<DemoOptions> demo,
    IOptions<StorageOptions> storage,
    RecoveryOptions recovery,
    TimeProvider time,
    ILogger<StartupTasks> logger)
{
    /// <param name="onlyWhenBehind">
    /// True when serving (<c>run</c>): a schema that is already current is left alone, so nodes can run under a login
    /// without DDL rights once the owner login ran <c>migrate</c> (see infra/OPERATIONS.md). A schema that is behind is
    /// still migrated. SQLite (one process, its own file) always migrates.
    /// </param>
    public async Task MigrateAsync(bool onlyWhenBehind, CancellationToken ct)
    {
        if (onlyWhenBehind && storage.Value.ProviderName != StorageOptions.Sqlite && await migrator.IsUpToDateAsync(ct))
        {
            Log.Migrated(logger);
            return;
        }
        await migrator.MigrateAsync(ct);
        Log.Migrated(logger);
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Enabled)
            return;
        var store = await DemoStore.EnsureAsync(stores, recovery.PublicBaseUrl, time.GetUtcNow(), ct);
        Log.DemoReady(logger, store.Id, store.StorefrontUrl);
    }

    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Information, "Database schema is up to date")]
        public static partial void Migrated(ILogger logger);

        [LoggerMessage(4002, LogLevel.Information, "Demo store {StoreId} is open at {StorefrontUrl}; emails land in the pickup folder")]
        public static partial void DemoReady(ILogger logger, long storeId, string storefrontUrl);
    }
}
