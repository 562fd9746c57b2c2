namespace CartRecovery.Data.Tests.Templates;

public sealed class SqliteTemplateRepositoryTests : TemplateRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
