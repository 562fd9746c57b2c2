namespace CartRecovery.Data.Tests.Templates;

public sealed class SqliteTemplateStoreTests : TemplateStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
