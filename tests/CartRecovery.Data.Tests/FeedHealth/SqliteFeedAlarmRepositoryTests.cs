namespace CartRecovery.Data.Tests.FeedHealth;

public sealed class SqliteFeedAlarmRepositoryTests : FeedAlarmRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
