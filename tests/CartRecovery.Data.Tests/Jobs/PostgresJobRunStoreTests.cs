namespace CartRecovery.Data.Tests.Jobs;

public sealed class PostgresJobRunStoreTests : JobRunStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
