using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Data;
using CartRecovery.Data.Schema;
using CartRecovery.Web.Features.SignIn;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Hosting;

/// <summary>What must be true before the app serves anything: the schema (ours and Quartz's) and, in demo mode, the demo store.</summary>
internal sealed partial class StartupTasks(
    DatabaseMigrator migrator,
    IStoreRepository stores,
    IOptions<DemoOptions> demo,
    IOptions<StorageOptions> storage,
    RecoveryOptions recovery,
    IAccountStore accounts,
    SignInLinks signInLinks,
    DemoHistory history,
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
        // Two months of past carts, written once, so the app has figures to show on the first visit.
        if (await history.EnsureAsync(store, time.GetUtcNow(), ct) is var written and > 0)
            Log.DemoHistory(logger, written, store.Id);
        await EnsureDemoOwnerAsync(store, ct);
    }

    /// <summary>The demo owner's address: a reserved test domain, never a real mailbox.</summary>
    public const string DemoOwnerEmail = "owner@demo.cartrecovery.test";

    /// <summary>
    /// The demo store's account gets its owner, and the console a fresh sign-in link for them, so a newcomer opens it
    /// and is in with no mail server. Written to the console, not the log: the link is a credential, logs are kept.
    /// </summary>
    private async Task EnsureDemoOwnerAsync(Core.Stores.Store store, CancellationToken ct)
    {
        if (store.AccountId is not { } accountId)
            return;
        var now = time.GetUtcNow();
        var owner = await accounts.GetOrCreateUserByEmailAsync(DemoOwnerEmail, now, ct);
        if (await accounts.GetMembershipAsync(accountId, owner.Id, ct) is null)
            await accounts.SetMembershipAsync(new Membership { AccountId = accountId, UserId = owner.Id, Role = AccountRole.Owner, CreatedAt = now }, ct);
        var link = await signInLinks.IssueAsync(DemoOwnerEmail, "console", null, ct);
        await Console.Out.WriteLineAsync($"Demo: sign in as {DemoOwnerEmail} (valid {SignInLinks.Lifetime.TotalMinutes:0} minutes, once): {link.AbsoluteUri}");
    }

    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Information, "Database schema is up to date")]
        public static partial void Migrated(ILogger logger);

        [LoggerMessage(4002, LogLevel.Information, "Demo store {StoreId} is open at {StorefrontUrl}; emails land in the pickup folder")]
        public static partial void DemoReady(ILogger logger, long storeId, string storefrontUrl);

        [LoggerMessage(4003, LogLevel.Information, "Demo store {StoreId} got {Carts} carts of history")]
        public static partial void DemoHistory(ILogger logger, int carts, long storeId);
    }
}
