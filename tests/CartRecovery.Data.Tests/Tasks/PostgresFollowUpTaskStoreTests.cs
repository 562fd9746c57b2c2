namespace CartRecovery.Data.Tests.Tasks;

public sealed class PostgresFollowUpTaskStoreTests : FollowUpTaskStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
