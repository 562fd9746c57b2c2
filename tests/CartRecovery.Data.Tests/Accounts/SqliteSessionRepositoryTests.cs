namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteSessionRepositoryTests : SessionRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
