namespace CartRecovery.Data.Tests.Sequences;

public sealed class SqliteSequenceStoreTests : SequenceStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
