namespace CartRecovery.Data.Tests.Privacy;

public sealed class PostgresRetentionStoreTests : RetentionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
