namespace CartRecovery.Data.Tests.Billing;

public sealed class SqliteSubscriptionRepositoryTests : SubscriptionRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
