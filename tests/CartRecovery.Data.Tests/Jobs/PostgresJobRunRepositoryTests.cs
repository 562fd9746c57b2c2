namespace CartRecovery.Data.Tests.Jobs;

public sealed class PostgresJobRunRepositoryTests : JobRunRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
