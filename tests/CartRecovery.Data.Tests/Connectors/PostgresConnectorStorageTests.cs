namespace CartRecovery.Data.Tests.Connectors;

public sealed class PostgresConnectorStorageTests : ConnectorStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
