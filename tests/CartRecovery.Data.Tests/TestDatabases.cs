namespace CartRecovery.Data.Tests;

/// <summary>
/// The engines the contract suites run on. SQLite always runs; PostgreSQL and SQL Server will read
/// CARTRECOVERY_TEST_POSTGRES / CARTRECOVERY_TEST_SQLSERVER and skip with a reason when they are not set.
/// </summary>
public static class TestDatabases
{
    public static Task<TestDatabase> SqliteAsync() => TestDatabase.CreateSqliteAsync();
}
