using Npgsql;

namespace CartRecovery.Data.Tests;

/// <summary>
/// The engines the contract suites run on. SQLite always runs. PostgreSQL runs against the server named by
/// <c>CARTRECOVERY_TEST_POSTGRES</c> (an admin connection string; <c>.ci/run</c> starts one and sets it): every test
/// database is a fresh database of its own, dropped afterwards. Without the variable the PostgreSQL tests are skipped
/// with the reason, except under CI (<c>CI</c> set), where they fail: CI must never skip them silently.
/// SQL Server cannot run here; its statements are checked by parsing (<c>SqlServer/</c>).
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CARTRECOVERY_TEST_POSTGRES";

    public static Task<TestDatabase> SqliteAsync() => TestDatabase.CreateSqliteAsync();

    public static async Task<TestDatabase> PostgresAsync(bool migrate = true)
    {
        var (connectionString, drop) = await CreatePostgresDatabaseAsync();
        try
        {
            return await TestDatabase.CreateServerAsync(StorageOptions.Postgres, connectionString, drop, migrate);
        }
        catch
        {
            await drop();
            throw;
        }
    }

    /// <summary>The admin connection string, or a skip (locally) / failure (CI) when none is configured.</summary>
    public static string PostgresAdminConnectionString()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(admin))
            return admin;
        var reason = $"PostgreSQL tests need {PostgresVariable} (an admin connection string, e.g. " +
                     "\"Host=127.0.0.1;Port=54329;Username=postgres\"); .ci/run starts a server and sets it.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException($"CI is set, so PostgreSQL tests must run: {reason}");
        Assert.Skip(reason);
        return "";
    }

    /// <summary>Creates an empty, uniquely named database; returns its connection string and how to drop it.</summary>
    public static async Task<(string ConnectionString, Func<ValueTask> Drop)> CreatePostgresDatabaseAsync()
    {
        var admin = PostgresAdminConnectionString();
        var name = $"cartrecovery_test_{Guid.NewGuid():N}";
        await ExecuteAdminAsync(admin, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return (connectionString, async () =>
        {
            // The test's own pool is disposed with its services; FORCE ends anything else still connected.
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
