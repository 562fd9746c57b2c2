namespace CartRecovery.Data.Tests.Performance;

public sealed class SqliteQueryPlanTests : QueryPlanContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
