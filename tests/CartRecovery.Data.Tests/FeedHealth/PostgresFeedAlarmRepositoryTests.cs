namespace CartRecovery.Data.Tests.FeedHealth;

public sealed class PostgresFeedAlarmRepositoryTests : FeedAlarmRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
