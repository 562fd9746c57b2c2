using CartRecovery.Jobs.Scheduling;
using Npgsql;

namespace CartRecovery.ScaleOut.Tests;

/// <summary>Quartz's PostgreSQL script runs at every migration, so it must be idempotent on a real server.</summary>
public sealed class QuartzSchemaTests
{
    [Fact]
    public async Task QuartzPostgresScript_AppliedTwice_CreatesTheTablesOnceWithoutError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await ScaleOutDatabase.CreateAsync(ct);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);

        await QuartzSchema.ApplyAsync(connection, "postgres", ct);
        await QuartzSchema.ApplyAsync(connection, "postgres", ct);

        var tables = await database.QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'qrtz%'", r => r.GetString(0), ct);
        Assert.Contains("qrtz_locks", tables);
        Assert.Contains("qrtz_scheduler_state", tables);
        Assert.Contains("qrtz_fired_triggers", tables);
    }
}
