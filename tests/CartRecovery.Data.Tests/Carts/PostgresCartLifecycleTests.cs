namespace CartRecovery.Data.Tests.Carts;

public sealed class PostgresCartLifecycleTests : CartLifecycleContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
