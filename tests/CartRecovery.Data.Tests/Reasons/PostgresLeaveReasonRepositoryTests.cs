namespace CartRecovery.Data.Tests.Reasons;

public sealed class PostgresLeaveReasonRepositoryTests : LeaveReasonRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();
}
