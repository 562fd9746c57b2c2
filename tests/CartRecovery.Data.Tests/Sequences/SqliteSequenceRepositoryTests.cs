namespace CartRecovery.Data.Tests.Sequences;

public sealed class SqliteSequenceRepositoryTests : SequenceRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
