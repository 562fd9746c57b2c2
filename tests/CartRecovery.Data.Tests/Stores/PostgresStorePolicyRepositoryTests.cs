namespace CartRecovery.Data.Tests.Stores;

public sealed class PostgresStorePolicyRepositoryTests : StorePolicyRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
