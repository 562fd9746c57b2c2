namespace CartRecovery.Data.Tests.Stores;

public sealed class SqliteStoreRepositoryTests : StoreRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
