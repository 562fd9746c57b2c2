namespace CartRecovery.Data.Tests.Billing;

public sealed class PostgresSubscriptionRepositoryTests : SubscriptionRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
