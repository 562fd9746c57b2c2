namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresSignInLinkRepositoryTests : SignInLinkRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
