namespace CartRecovery.Data.Tests.Connections;

public sealed class SqliteRelaxedDurabilityTests : RelaxedDurabilityContract
{
    // PRAGMA synchronous: 1 = NORMAL, 2 = FULL.
    protected override (string Sql, string Relaxed, string Durable) Setting => ("PRAGMA synchronous", "1", "2");

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
