namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteSignInLinkRepositoryTests : SignInLinkRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
