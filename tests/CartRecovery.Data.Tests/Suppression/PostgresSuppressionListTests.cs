namespace CartRecovery.Data.Tests.Suppression;

public sealed class PostgresSuppressionListTests : SuppressionListContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
