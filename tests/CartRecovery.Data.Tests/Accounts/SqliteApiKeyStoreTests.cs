namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
