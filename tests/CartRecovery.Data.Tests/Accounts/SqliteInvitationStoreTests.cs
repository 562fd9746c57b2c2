namespace CartRecovery.Data.Tests.Accounts;

public sealed class SqliteInvitationStoreTests : InvitationStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
