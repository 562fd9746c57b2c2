namespace CartRecovery.Data.Tests.Jobs;

public sealed class SqliteJobRunStoreTests : JobRunStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
