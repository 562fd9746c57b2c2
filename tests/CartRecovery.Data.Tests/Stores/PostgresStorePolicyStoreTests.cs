namespace CartRecovery.Data.Tests.Stores;

public sealed class PostgresStorePolicyStoreTests : StorePolicyStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
