namespace CartRecovery.Data.Tests.Jobs;

public sealed class SqliteJobRunRepositoryTests : JobRunRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
