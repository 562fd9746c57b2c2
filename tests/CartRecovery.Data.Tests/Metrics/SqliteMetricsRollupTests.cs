namespace CartRecovery.Data.Tests.Metrics;

public sealed class SqliteMetricsRollupTests : MetricsRollupContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
