namespace CartRecovery.Data.Tests.Carts;

public sealed class PostgresCartStoreTests : CartStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
