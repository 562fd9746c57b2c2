namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresSignInLinkStoreTests : SignInLinkStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
