namespace CartRecovery.Data.Tests.Metrics;

public sealed class PostgresMetricsQueryTests : MetricsQueryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
