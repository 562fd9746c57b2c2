namespace CartRecovery.Data.Tests.Metrics;

public sealed class PostgresMetricsRollupTests : MetricsRollupContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
