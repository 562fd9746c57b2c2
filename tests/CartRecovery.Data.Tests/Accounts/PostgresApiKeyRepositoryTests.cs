namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresApiKeyRepositoryTests : ApiKeyRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
