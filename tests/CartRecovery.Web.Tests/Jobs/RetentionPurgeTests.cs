using CartRecovery.Core.Jobs;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;
using CartRecovery.Jobs.Maintenance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>The retention purge on a real SQLite file with a fake clock: old customer data goes, its metrics stay.</summary>
public sealed class RetentionPurgeTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public RetentionPurgeTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Purge_ErasesCartsOlderThanTheStoresRetention_KeepsTheirDailyMetricsAndRecentCarts()
    {
        var store = await _app.DemoStoreAsync();
        await _app.Service<IStorePolicyRepository>().SaveAsync(store.Id, SendingPolicy.Default with { RetentionDays = 30 }, _app.Time.GetUtcNow(), _drive.Ct);
        var (old, _) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-old");
        var oldEmails = Directory.GetFiles(_app.PickupDirectory, "*.eml");
        Assert.NotEmpty(oldEmails);
        var oldDay = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime);
        _drive.Advance(TimeSpan.FromDays(40));
        await _drive.ReportCartAsync(store, "chk-new", "new@example.com");
        var runs = _app.Service<IJobRunRepository>();
        var staleRun = await runs.StartAsync(Run(_app.Time.GetUtcNow().AddDays(-31)), _drive.Ct);
        var freshRun = await runs.StartAsync(Run(_app.Time.GetUtcNow().AddDays(-1)), _drive.Ct);
        var job = ActivatorUtilities.CreateInstance<PurgeExpiredDataJob>(_app.Services);

        // The first purge rolls every day up since the oldest cart and erases nothing that roll-up may recount.
        Assert.Equal(0, await job.PurgeAsync(_drive.Ct));
        Assert.NotNull(await _drive.CartAsync(store, "chk-old"));

        Assert.Equal(1, await job.PurgeAsync(_drive.Ct));

        Assert.Null(await _drive.CartAsync(store, "chk-old"));
        Assert.All(oldEmails, path => Assert.False(File.Exists(path), $"{path} outlived its cart"));
        Assert.NotNull(await _drive.CartAsync(store, "chk-new"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM messages WHERE cart_id = {old.Id}"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM cart_lines WHERE cart_id = {old.Id}"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM cart_events WHERE cart_id = {old.Id}"));
        var today = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime);
        var day = Assert.Single(await _app.Service<IMetricsRollup>().ListAsync(store.Id, oldDay, today, _drive.Ct), d => d.Day == oldDay);
        Assert.Equal((1L, 1L), (day.CartsAbandoned, day.EmailsSent));
        Assert.Equal([freshRun], (await runs.ListAsync("test", "run", 10, _drive.Ct)).Select(r => r.Id));
        Assert.NotEqual(staleRun, freshRun);

        // Later roll-ups never recount a purged day.
        Assert.Equal(0, await job.PurgeAsync(_drive.Ct));
        Assert.Equal(day, Assert.Single(await _app.Service<IMetricsRollup>().ListAsync(store.Id, oldDay, oldDay, _drive.Ct)));
    }

    [Fact]
    public async Task RollUp_RunTwiceOnADay_ReplacesItsRows()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.AbandonAndSendFirstStepAsync(store, "chk-1");
        var rollup = _app.Service<IMetricsRollup>();
        var today = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime);

        await rollup.RollUpDayAsync(today, _app.Time.GetUtcNow(), _drive.Ct);
        await _drive.AbandonAndSendFirstStepAsync(store, "chk-2", "other@example.com");
        await rollup.RollUpDayAsync(today, _app.Time.GetUtcNow(), _drive.Ct);

        // One day holds everything here, so the day's row agrees with the live numbers.
        var row = Assert.Single(await rollup.ListAsync(store.Id, today, today, _drive.Ct));
        var live = await _app.Service<IMetricsQuery>().GetAsync([store.Id], _drive.Ct);
        Assert.Equal((2L, live.EmailsSent, store.Currency), (row.CartsAbandoned, row.EmailsSent, row.Currency));
        Assert.True(row.EmailsSent >= 2);
    }

    private static JobRun Run(DateTimeOffset at) => new()
    {
        JobGroup = "test", JobName = "run", InstanceId = "node", FireInstanceId = at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StartedAt = at, Outcome = JobRunOutcome.Succeeded,
    };

    private async Task<long> CountAsync(string sql)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "cartrecovery.db")};Pooling=False");
        await db.OpenAsync(_drive.Ct);
        await using var command = new SqliteCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync(_drive.Ct))!;
    }
}
