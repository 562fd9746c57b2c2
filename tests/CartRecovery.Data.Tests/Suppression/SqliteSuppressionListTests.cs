namespace CartRecovery.Data.Tests.Suppression;

public sealed class SqliteSuppressionListTests : SuppressionListContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
