namespace CartRecovery.Data.Tests.Carts;

public sealed class SqliteCartReplacementTests : CartReplacementContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
