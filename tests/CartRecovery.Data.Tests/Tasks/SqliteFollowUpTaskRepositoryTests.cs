namespace CartRecovery.Data.Tests.Tasks;

public sealed class SqliteFollowUpTaskRepositoryTests : FollowUpTaskRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
