namespace CartRecovery.Data.Tests.Billing;

public sealed class SqliteSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
