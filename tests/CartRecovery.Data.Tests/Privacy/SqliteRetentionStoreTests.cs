namespace CartRecovery.Data.Tests.Privacy;

public sealed class SqliteRetentionStoreTests : RetentionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
