namespace CartRecovery.Data.Tests.Messages;

public sealed class PostgresMessageRepositoryTests : MessageRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
