using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Data;
using CartRecovery.Data.Schema;
using CartRecovery.Email;
using CartRecovery.Email.Smtp;
using CartRecovery.Sms;
using CartRecovery.Web.Features.Admin;
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
    IAccountRepository accounts,
    SignInLinks signInLinks,
    DemoHistory history,
    TimeProvider time,
    AdminKey adminKey,
    IOptions<EmailOptions> email,
    IOptions<SmtpOptions> smtp,
    ISmsSettingsRepository smsSettings,
    IOptions<SmsOptions> sms,
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

    /// <summary>In demo mode, the demo store with its history and owner; null otherwise.</summary>
    public async Task<Core.Stores.Store?> SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Enabled)
            return null;
        var store = await DemoStore.EnsureAsync(stores, recovery.PublicBaseUrl, time.GetUtcNow(), ct);
        // Two months of past carts, written once, so the app has figures to show on the first visit.
        if (await history.EnsureAsync(store, time.GetUtcNow(), ct) is var written and > 0)
            Log.DemoHistory(logger, written, store.Id);
        await EnsureDemoOwnerAsync(store, ct);
        await EnsureDemoTextsAsync(store, ct);
        return store;
    }

    // Texts on once, unless someone changed the demo's SMS settings since; never with a transport that reaches phones.
    private async Task EnsureDemoTextsAsync(Core.Stores.Store store, CancellationToken ct)
    {
        if (string.Equals(sms.Value.Transport.Trim(), SmsOptions.PickupTransport, StringComparison.OrdinalIgnoreCase)
            && await smsSettings.GetAsync(store.Id, ct) == SmsSettings.Default)
            await smsSettings.SaveAsync(store.Id, DemoStore.Texts, time.GetUtcNow(), ct);
    }

    /// <summary>
    /// Said once the app listens, never before: where the admin API key is, how emails leave, and in demo mode where
    /// the shop is and a sign-in link for its owner.
    /// </summary>
    public async Task AnnounceAsync(Core.Stores.Store? demoStore, TextWriter console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (adminKey.FilePath is { } keyFile)
            Log.AdminKeyFile(logger, keyFile);
        else
            Log.AdminKeyConfigured(logger);
        var transport = TransportDescription();
        Log.EmailTransport(logger, transport);
        if (demoStore is null)
            return;
        Log.DemoReady(logger, demoStore.Id, demoStore.StorefrontUrl, transport);
        var link = await signInLinks.IssueAsync(DemoOwnerEmail, "console", null, ct);
        await console.WriteLineAsync($"Demo: sign in as {DemoOwnerEmail} (valid {SignInLinks.Lifetime.TotalMinutes:0} minutes, once): {link.AbsoluteUri}");
    }

    /// <summary>The transport <c>Email:Transport</c> names, as an operator recognises it.</summary>
    public string TransportDescription() => email.Value.Transport.Trim().ToUpperInvariant() switch
    {
        "PICKUP" => $"the pickup folder {Path.GetFullPath(email.Value.PickupDirectory)}",
        "SMTP" => $"the SMTP relay {smtp.Value.Host}:{smtp.Value.Port}",
        "POSTMARK" => "Postmark",
        _ => $"the '{email.Value.Transport}' transport",
    };

    /// <summary>The demo owner's address: a reserved test domain, never a real mailbox.</summary>
    public const string DemoOwnerEmail = "owner@demo.cartrecovery.test";

    /// <summary>
    /// The demo store's account gets its owner; <see cref="AnnounceAsync"/> then writes a fresh sign-in link for them to
    /// the console, so a newcomer opens it and is in with no mail server. The console, not the log: the link is a
    /// credential, logs are kept.
    /// </summary>
    private async Task EnsureDemoOwnerAsync(Core.Stores.Store store, CancellationToken ct)
    {
        if (store.AccountId is not { } accountId)
            return;
        var now = time.GetUtcNow();
        var owner = await accounts.GetOrCreateUserByEmailAsync(DemoOwnerEmail, now, ct);
        if (await accounts.GetMembershipAsync(accountId, owner.Id, ct) is null)
            await accounts.SetMembershipAsync(new Membership { AccountId = accountId, UserId = owner.Id, Role = AccountRole.Owner, CreatedAt = now }, ct);
    }

    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Information, "Database schema is up to date")]
        public static partial void Migrated(ILogger logger);

        [LoggerMessage(4002, LogLevel.Information, "Demo store {StoreId} is open at {StorefrontUrl}; its emails go to {Transport}")]
        public static partial void DemoReady(ILogger logger, long storeId, string storefrontUrl, string transport);

        [LoggerMessage(4003, LogLevel.Information, "Demo store {StoreId} got {Carts} carts of history")]
        public static partial void DemoHistory(ILogger logger, int carts, long storeId);

        [LoggerMessage(4004, LogLevel.Information, "Admin API key (Authorization: Bearer) is in {KeyFile}")]
        public static partial void AdminKeyFile(ILogger logger, string keyFile);

        [LoggerMessage(4005, LogLevel.Information, "Admin API key is set by Admin:ApiKey")]
        public static partial void AdminKeyConfigured(ILogger logger);

        [LoggerMessage(4006, LogLevel.Information, "Emails go out through {Transport} (Email:Transport)")]
        public static partial void EmailTransport(ILogger logger, string transport);
    }
}
