namespace CartRecovery.Data.Tests.Privacy;

public sealed class PostgresRetentionRepositoryTests : RetentionRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
