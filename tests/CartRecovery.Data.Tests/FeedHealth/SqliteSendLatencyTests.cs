namespace CartRecovery.Data.Tests.FeedHealth;

public sealed class SqliteSendLatencyTests : SendLatencyContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
