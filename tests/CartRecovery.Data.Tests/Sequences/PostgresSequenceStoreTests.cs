namespace CartRecovery.Data.Tests.Sequences;

public sealed class PostgresSequenceStoreTests : SequenceStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
