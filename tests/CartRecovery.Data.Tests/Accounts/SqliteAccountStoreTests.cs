namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteAccountStoreTests : AccountStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
