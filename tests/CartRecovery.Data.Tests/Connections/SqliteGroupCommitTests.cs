namespace CartRecovery.Data.Tests.Connections;

public sealed class SqliteGroupCommitTests : GroupCommitContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
