namespace CartRecovery.Data.Tests.FeedHealth;

public sealed class PostgresSendLatencyTests : SendLatencyContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
