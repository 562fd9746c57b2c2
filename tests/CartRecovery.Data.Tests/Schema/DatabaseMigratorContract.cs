namespace CartRecovery.Data.Tests.Schema;

public abstract class DatabaseMigratorContract : DatabaseContract
{
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
