namespace CartRecovery.Data.Tests.Connections;

public sealed class PostgresRelaxedDurabilityTests : RelaxedDurabilityContract
{
    protected override (string Sql, string Relaxed, string Durable) Setting => ("SHOW synchronous_commit", "off", "on");

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
