namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteSignInLinkStoreTests : SignInLinkStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
