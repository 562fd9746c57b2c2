namespace CartRecovery.Data.Tests.Sms;

public sealed class PostgresSmsStorageTests : SmsStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
