namespace CartRecovery.Data.Tests.Carts;

public sealed class SqliteCartStoreTests : CartStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
