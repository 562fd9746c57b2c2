namespace CartRecovery.Data.Tests.Tasks;

public sealed class SqliteFollowUpTaskStoreTests : FollowUpTaskStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
