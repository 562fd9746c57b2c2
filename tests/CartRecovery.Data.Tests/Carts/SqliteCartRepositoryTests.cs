namespace CartRecovery.Data.Tests.Carts;

public sealed class SqliteCartRepositoryTests : CartRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
