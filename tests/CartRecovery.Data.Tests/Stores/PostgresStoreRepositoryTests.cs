namespace CartRecovery.Data.Tests.Stores;

public sealed class PostgresStoreRepositoryTests : StoreRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
