namespace CartRecovery.Data.Tests.Billing;

public sealed class PostgresSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
