namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresAccountStoreTests : AccountStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
