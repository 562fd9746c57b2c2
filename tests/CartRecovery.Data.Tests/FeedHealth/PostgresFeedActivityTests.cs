namespace CartRecovery.Data.Tests.FeedHealth;

public sealed class PostgresFeedActivityTests : FeedActivityContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
