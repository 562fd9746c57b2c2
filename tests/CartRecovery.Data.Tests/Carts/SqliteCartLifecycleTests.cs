namespace CartRecovery.Data.Tests.Carts;

public sealed class SqliteCartLifecycleTests : CartLifecycleContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
