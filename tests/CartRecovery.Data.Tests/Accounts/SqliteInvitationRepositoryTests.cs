namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteInvitationRepositoryTests : InvitationRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
