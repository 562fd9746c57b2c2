using CartRecovery.Web.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>
/// The fixed jobs' schedule in the real Quartz store (SQLite), written through the verbs with a fake clock: written once,
/// never started "now", left alone by read-only verbs and by a restart with the same settings.
/// </summary>
public sealed class JobScheduleWriterTests : IDisposable
{
    private const string TriggersSql = """
        SELECT group_concat(TRIGGER_NAME || '=' || NEXT_FIRE_TIME || '/' || START_TIME || '/' || TRIGGER_STATE, ' ')
        FROM (SELECT * FROM QRTZ_TRIGGERS ORDER BY TRIGGER_NAME)
        """;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly CliRunner _cli;

    public JobScheduleWriterTests() => _cli = new CliRunner { Services = s => s.AddSingleton<TimeProvider>(_time) };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Write_FirstTime_FirstFireIsOneIntervalAwayNeverNow()
    {
        await RunAsync("migrate");

        // Roll-up every hour, purge every 6 hours (the defaults): nothing is due at the moment the schedule is written.
        Assert.Equal(Ticks(Start.AddHours(1)), await NextFireAsync("roll-up-metrics-every"));
        Assert.Equal(Ticks(Start.AddHours(6)), await NextFireAsync("purge-expired-data-every"));
        Assert.Equal("0", await _cli.ScalarAsync($"SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE NEXT_FIRE_TIME <= {Ticks(Start)}"));
    }

    [Fact]
    public async Task ReadOnlyVerbsAndARestart_LeaveTheScheduleAsItWas()
    {
        await RunAsync("migrate");
        await RunAsync("jobs", "pause", "purge-expired-data");
        var before = await _cli.ScalarAsync(TriggersSql);

        _time.Advance(TimeSpan.FromMinutes(10));
        await RunAsync("jobs", "list");
        await RunAsync("jobs", "history", "roll-up-metrics");
        await RunAsync("stores", "list");
        Assert.Equal(before, await _cli.ScalarAsync(TriggersSql));

        // A restart with the same settings writes nothing either.
        await RunAsync("migrate");
        Assert.Equal(before, await _cli.ScalarAsync(TriggersSql));
    }

    [Fact]
    public async Task Write_IntervalChanged_ReschedulesOnlyThatJobFromNowAndKeepsItsPause()
    {
        await RunAsync("migrate");
        await RunAsync("jobs", "pause", "roll-up-metrics");
        var purge = await NextFireAsync("purge-expired-data-every");
        _time.Advance(TimeSpan.FromMinutes(10));

        await RunAsync("migrate", "--Jobs:RollUpMetricsEvery=00:30:00");

        Assert.Equal(Ticks(Start.AddMinutes(40)), await NextFireAsync("roll-up-metrics-every"));
        Assert.Equal(TimeSpan.FromMinutes(30).TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await _cli.ScalarAsync("SELECT REPEAT_INTERVAL FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME = 'roll-up-metrics-every'"));
        Assert.Equal("PAUSED", await _cli.ScalarAsync("SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'roll-up-metrics-every'"));
        Assert.Equal(purge, await NextFireAsync("purge-expired-data-every"));
    }

    [Fact]
    public async Task List_BeforeTheScheduleIsWritten_SaysSoAndWritesNothing()
    {
        var list = await RunAsync("jobs", "list");

        Assert.Contains("Not in the job store yet", list, StringComparison.Ordinal);
        Assert.Equal("0", await _cli.ScalarAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS"));
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.Code == 0, result.Error);
        return result.Output;
    }

    private Task<string?> NextFireAsync(string trigger) =>
        _cli.ScalarAsync($"SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '{trigger}'");

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
