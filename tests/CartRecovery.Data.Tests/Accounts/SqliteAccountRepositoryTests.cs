namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteAccountRepositoryTests : AccountRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
