namespace CartRecovery.Data.Tests.Connections;

public sealed class PostgresGroupCommitTests : GroupCommitContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
