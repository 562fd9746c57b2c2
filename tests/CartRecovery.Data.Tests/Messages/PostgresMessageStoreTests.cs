namespace CartRecovery.Data.Tests.Messages;

public sealed class PostgresMessageStoreTests : MessageStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
