namespace CartRecovery.Data.Tests.Templates;

public sealed class PostgresTemplateStoreTests : TemplateStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
