namespace CartRecovery.Data.Tests.Stores;

public sealed class SqliteStorePolicyRepositoryTests : StorePolicyRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
