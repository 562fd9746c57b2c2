namespace CartRecovery.Data.Tests.Messages;

public sealed class SqliteMessageRepositoryTests : MessageRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
