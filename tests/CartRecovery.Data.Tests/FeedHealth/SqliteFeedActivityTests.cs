namespace CartRecovery.Data.Tests.FeedHealth;

public sealed class SqliteFeedActivityTests : FeedActivityContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
