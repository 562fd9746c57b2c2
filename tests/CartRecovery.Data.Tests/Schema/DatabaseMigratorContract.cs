using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Schema;

public abstract class DatabaseMigratorContract : DatabaseContract
{
    /// <summary>A database of this engine with no script applied.</summary>
    protected abstract Task<TestDatabase> CreateEmptyDatabaseAsync();

    [Fact]
    public async Task Migrate_0012_PutsEachPolicyAccountGroupAndEachOtherStoreInAMerchantAccount()
    {
        await using var old = await CreateEmptyDatabaseAsync();
        await old.MigrateThroughAsync("0011_unfinished_attempts.sql");
        // Store 5 is named like a group and has a policy without one; store 6 has no policy at all.
        foreach (var (day, name, group) in new (int, string, string?)[]
                 {
                     (1, "Alpha", "Group A"), (2, "Gamma", null), (3, "Beta", "Group A"), (4, "Delta", "Group B"),
                     (5, "Group A", null), (6, "Epsilon", null),
                 })
        {
            await old.ExecuteAsync("""
                INSERT INTO stores (platform, external_id, name, storefront_url, currency, time_zone, locale, abandon_after_ms, sequence,
                                    sender_email, sender_name, created_at)
                VALUES ('demo', @Name, @Name, 'https://shop.example.com/', 'EUR', 'UTC', 'en', 900000, 'standard',
                        'hello@example.com', @Name, @CreatedAt)
                """, new { Name = name, CreatedAt = DbTime.ToDb(Now.AddDays(day)) });
            if (day != 6)
                await old.ExecuteAsync("""
                    INSERT INTO sending_policies (store_id, account, frequency_cap_count, frequency_cap_window_ms, consent, retention_days, updated_at)
                    SELECT id, @Group, 3, 86400000, 0, 365, 0 FROM stores WHERE external_id = @Name
                    """, new { Name = name, Group = group });
        }

        await old.Migrator.MigrateAsync(Ct);

        var stores = (await old.Stores.ListAsync(Ct)).ToDictionary(s => s.Name);
        var accounts = (await old.Accounts.ListAsync(Ct)).ToDictionary(a => a.Id);
        Assert.Equal(6, stores.Count);
        Assert.All(stores.Values, s => Assert.NotNull(s.AccountId));
        Assert.Equal(stores["Alpha"].AccountId, stores["Beta"].AccountId);
        Assert.Equal(6 - 1, stores.Values.Select(s => s.AccountId).Distinct().Count());
        Assert.Equal(accounts.Count, stores.Values.Select(s => s.AccountId).Distinct().Count());
        Assert.All(accounts.Values, a => Assert.Equal(AccountKind.Merchant, a.Kind));
        Assert.Equal(("Group A", Now.AddDays(1)), (accounts[stores["Alpha"].AccountId!.Value].Name, accounts[stores["Alpha"].AccountId!.Value].CreatedAt));
        Assert.Equal("Group B", accounts[stores["Delta"].AccountId!.Value].Name);
        foreach (var alone in new[] { "Gamma", "Group A", "Epsilon" })
            Assert.Equal((alone, stores[alone].CreatedAt), (accounts[stores[alone].AccountId!.Value].Name, accounts[stores[alone].AccountId!.Value].CreatedAt));

        // Accounts created afterwards take fresh ids, also where the engine's identity did not see the chosen ones.
        var created = await old.Accounts.CreateAsync("New", AccountKind.Agency, Now, Ct);
        var store = await old.Stores.UpsertAsync(ContractData.Store("shop-7"), Ct);
        Assert.DoesNotContain(created.Id, accounts.Keys);
        Assert.DoesNotContain(store.AccountId!.Value, accounts.Keys.Append(created.Id));
    }

    [Fact]
    public async Task Migrate_WhenRunAgain_ChangesNothingAndKeepsData()
    {
        var store = await AddStoreAsync();
        var applied = await Db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_versions");

        await Db.Migrator.MigrateAsync(Ct);
        await Db.Migrator.MigrateAsync(Ct);

        Assert.Equal(applied, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_versions"));
        Assert.Equal(store, await Db.Stores.GetAsync(store.Id, Ct));
        Assert.True(await Db.Migrator.IsUpToDateAsync(Ct));
    }

    [Fact]
    public async Task IsUpToDate_AfterMigrating_ReturnsTrueAndEveryScriptIsJournaled()
    {
        Assert.True(await Db.Migrator.IsUpToDateAsync(Ct));
        var journaled = await Db.QueryAsync<string>("SELECT scriptname FROM schema_versions ORDER BY scriptname");
        Assert.Equal(Db.Migrator.ScriptNames, journaled);
        Assert.Contains(journaled, name => name.EndsWith("0001_initial.sql", StringComparison.Ordinal));
    }
}
