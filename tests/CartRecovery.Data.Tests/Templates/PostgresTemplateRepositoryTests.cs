namespace CartRecovery.Data.Tests.Templates;

public sealed class PostgresTemplateRepositoryTests : TemplateRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
