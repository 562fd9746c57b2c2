namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteApiKeyRepositoryTests : ApiKeyRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
