namespace CartRecovery.Data.Tests.Sms;

public sealed class SqliteSmsStorageTests : SmsStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
