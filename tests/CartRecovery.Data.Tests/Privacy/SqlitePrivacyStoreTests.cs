namespace CartRecovery.Data.Tests.Privacy;

public sealed class SqlitePrivacyStoreTests : PrivacyStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
