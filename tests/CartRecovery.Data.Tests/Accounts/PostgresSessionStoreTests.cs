namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresSessionStoreTests : SessionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
