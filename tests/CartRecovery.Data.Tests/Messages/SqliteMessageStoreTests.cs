namespace CartRecovery.Data.Tests.Messages;

public sealed class SqliteMessageStoreTests : MessageStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
