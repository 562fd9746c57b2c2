namespace CartRecovery.Data.Tests.Carts;

public sealed class PostgresCartRepositoryTests : CartRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
