namespace CartRecovery.Data.Tests.Reasons;

public sealed class SqliteLeaveReasonRepositoryTests : LeaveReasonRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();
}
