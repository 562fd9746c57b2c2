namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteAuditLogTests : AuditLogContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
