namespace CartRecovery.Data.Tests.Privacy;

public sealed class SqliteRetentionRepositoryTests : RetentionRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
