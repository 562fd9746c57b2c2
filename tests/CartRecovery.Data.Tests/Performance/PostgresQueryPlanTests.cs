namespace CartRecovery.Data.Tests.Performance;

public sealed class PostgresQueryPlanTests : QueryPlanContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
