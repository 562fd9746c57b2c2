namespace CartRecovery.Data.Tests.Tasks;

public sealed class PostgresFollowUpTaskRepositoryTests : FollowUpTaskRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
