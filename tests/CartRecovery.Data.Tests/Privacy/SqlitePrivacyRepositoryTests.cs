namespace CartRecovery.Data.Tests.Privacy;

public sealed class SqlitePrivacyRepositoryTests : PrivacyRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
