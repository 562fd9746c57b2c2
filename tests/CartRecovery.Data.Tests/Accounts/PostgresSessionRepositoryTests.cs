namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresSessionRepositoryTests : SessionRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
