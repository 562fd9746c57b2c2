namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteSessionStoreTests : SessionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
