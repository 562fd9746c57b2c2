namespace CartRecovery.Data.Tests.Stores;

public sealed class SqliteStorePolicyStoreTests : StorePolicyStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
