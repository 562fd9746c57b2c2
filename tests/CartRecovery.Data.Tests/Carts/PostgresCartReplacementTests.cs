namespace CartRecovery.Data.Tests.Carts;

public sealed class PostgresCartReplacementTests : CartReplacementContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
