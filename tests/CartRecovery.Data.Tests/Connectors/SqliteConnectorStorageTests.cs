namespace CartRecovery.Data.Tests.Connectors;

public sealed class SqliteConnectorStorageTests : ConnectorStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
