namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresInvitationStoreTests : InvitationStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
