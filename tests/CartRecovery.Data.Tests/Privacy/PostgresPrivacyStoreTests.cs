namespace CartRecovery.Data.Tests.Privacy;

public sealed class PostgresPrivacyStoreTests : PrivacyStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
