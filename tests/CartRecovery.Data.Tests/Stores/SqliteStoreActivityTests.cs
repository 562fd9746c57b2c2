namespace CartRecovery.Data.Tests.Stores;

public sealed class SqliteStoreActivityTests : StoreActivityContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
