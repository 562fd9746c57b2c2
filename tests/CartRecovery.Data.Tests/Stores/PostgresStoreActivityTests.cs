namespace CartRecovery.Data.Tests.Stores;

public sealed class PostgresStoreActivityTests : StoreActivityContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
