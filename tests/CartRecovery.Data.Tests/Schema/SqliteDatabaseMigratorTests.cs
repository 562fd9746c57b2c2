using Microsoft.Data.Sqlite;

namespace CartRecovery.Data.Tests.Schema;

public sealed class SqliteDatabaseMigratorTests : DatabaseMigratorContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();

    protected override Task<TestDatabase> CreateEmptyDatabaseAsync() => TestDatabase.CreateSqliteAsync(migrate: false);

    [Fact]
    public async Task Migrate_CreatesTheDataDirectoryAndTurnsOnWal()
    {
        Assert.True(File.Exists(Path.Combine(Db.DataDirectory, "cartrecovery.db")));
        Assert.Equal("wal", await Db.ScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task IsUpToDate_BeforeMigrating_ReturnsFalse()
    {
        await using var fresh = await TestDatabase.CreateSqliteAsync(migrate: false);
        Directory.CreateDirectory(fresh.DataDirectory);

        Assert.False(await fresh.Migrator.IsUpToDateAsync(Ct));

        await fresh.Migrator.MigrateAsync(Ct);
        Assert.True(await fresh.Migrator.IsUpToDateAsync(Ct));
    }

    [Fact]
    public async Task Migrate_WhenAScriptFails_ThrowsNamingItAndRollsTheScriptBack()
    {
        await using var broken = await TestDatabase.CreateSqliteAsync(migrate: false);
        Directory.CreateDirectory(broken.DataDirectory);
        await broken.ExecuteAsync("CREATE TABLE suppressions (id INTEGER PRIMARY KEY)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken.Migrator.MigrateAsync(Ct));

        Assert.Contains("0001_initial.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await broken.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'carts'"));
        Assert.False(await broken.Migrator.IsUpToDateAsync(Ct));
    }

    [Fact]
    public async Task Migrate_CreatesTheTablesAndIndexes_ButNoQuartzTables()
    {
        var tables = await Db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var indexes = await Db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'");

        Assert.Equal(["accounts", "api_keys", "audit_log", "cart_events", "cart_lines", "cart_refs", "carts", "connector_state", "daily_store_metrics",
            "data_exports", "email_sends", "feed_alarms", "follow_up_tasks", "invitations", "job_runs", "memberships", "messages", "pending_connections", "schema_versions",
            "sending_policies", "sequence_versions", "sequences", "sign_in_links", "sms_suppressions", "store_credentials", "store_sms_settings", "store_subscriptions",
            "store_templates", "stores", "suppressions",
            "user_logins", "user_sessions", "users", "webhook_deliveries"], tables);
        Assert.Subset(indexes.ToHashSet(), new HashSet<string>
        {
            "ix_messages_status_due_at", "ix_messages_status_lease_until", "ix_webhook_deliveries_store_received", "ix_carts_status_platform_updated_at",
            "ix_carts_store_created_at", "ix_cart_events_cart_at", "ix_messages_sequence_step", "ix_sequences_store",
            "ix_messages_recipient_normalized_sent_at", "ix_job_runs_job_started", "ix_daily_store_metrics_day",
            "ix_messages_store_id_sent_at", "ix_stores_account", "ix_audit_log_account_at", "ix_api_keys_account",
        });
        Assert.DoesNotContain(tables, t => t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Connections_EnforceForeignKeys_AndErrorsReachTheCaller()
    {
        var error = await Assert.ThrowsAsync<SqliteException>(() =>
            Db.Carts.UpsertAsync(ContractData.Snapshot(storeId: 404, "chk-1", Now), Now, Ct));

        Assert.Equal(19, error.SqliteErrorCode);
        Assert.False(Db.Dialect.IsUniqueViolation(error));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts"));
    }

    [Fact]
    public async Task Instants_AreStoredAsIntegers()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");

        var types = await Db.QueryAsync<string>("""
            SELECT DISTINCT typeof(platform_updated_at) FROM carts
            UNION SELECT DISTINCT typeof(abandoned_at) FROM carts
            UNION SELECT DISTINCT typeof(due_at) FROM messages
            UNION SELECT DISTINCT typeof(created_at) FROM stores
            """);

        Assert.Equal(["integer"], types);
    }
}
