namespace CartRecovery.Data.Tests.Sequences;

public sealed class PostgresSequenceRepositoryTests : SequenceRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
