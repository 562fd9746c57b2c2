namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresApiKeyStoreTests : ApiKeyStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
