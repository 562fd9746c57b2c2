namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresInvitationRepositoryTests : InvitationRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
