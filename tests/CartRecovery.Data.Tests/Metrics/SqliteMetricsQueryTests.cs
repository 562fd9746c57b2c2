namespace CartRecovery.Data.Tests.Metrics;

public sealed class SqliteMetricsQueryTests : MetricsQueryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
