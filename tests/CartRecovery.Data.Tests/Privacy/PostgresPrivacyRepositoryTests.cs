namespace CartRecovery.Data.Tests.Privacy;

public sealed class PostgresPrivacyRepositoryTests : PrivacyRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
