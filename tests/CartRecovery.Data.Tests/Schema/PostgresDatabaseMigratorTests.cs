namespace CartRecovery.Data.Tests.Schema;

public sealed class PostgresDatabaseMigratorTests : DatabaseMigratorContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();

    protected override Task<TestDatabase> CreateEmptyDatabaseAsync() => TestDatabases.PostgresAsync(migrate: false);

    [Fact]
    public async Task Migrate_WhenNodesStartTogether_AppliesEveryScriptOnceUnderTheAdvisoryLock()
    {
        var (connectionString, drop) = await TestDatabases.CreatePostgresDatabaseAsync();
        var nodes = new List<TestDatabase>();
        try
        {
            for (var i = 0; i < 4; i++)
                nodes.Add(await TestDatabase.CreateServerAsync(StorageOptions.Postgres, connectionString, () => ValueTask.CompletedTask, migrate: false));

            await Task.WhenAll(nodes.Select(n => Task.Run(() => n.Migrator.MigrateAsync(Ct), Ct)));

            var journaled = await nodes[0].QueryAsync<string>("SELECT scriptname FROM schema_versions ORDER BY scriptname");
            Assert.Equal(nodes[0].Migrator.ScriptNames, journaled);
            foreach (var node in nodes)
                Assert.True(await node.Migrator.IsUpToDateAsync(Ct));
            // pg_locks is server-wide, and other test classes migrate their own databases meanwhile: count this one's.
            Assert.Equal(0L, await nodes[0].ScalarAsync<long>("""
                SELECT COUNT(*) FROM pg_locks
                WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """));
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
            await drop();
        }
    }

    [Fact]
    public async Task IsUpToDate_BeforeMigrating_ReturnsFalse()
    {
        await using var fresh = await TestDatabases.PostgresAsync(migrate: false);

        Assert.False(await fresh.Migrator.IsUpToDateAsync(Ct));

        await fresh.Migrator.MigrateAsync(Ct);
        Assert.True(await fresh.Migrator.IsUpToDateAsync(Ct));
    }
}
