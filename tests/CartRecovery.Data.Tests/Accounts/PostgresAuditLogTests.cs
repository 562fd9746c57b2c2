namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresAuditLogTests : AuditLogContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
