namespace CartRecovery.Web.Tests.Cli;

/// <summary>The operator pauses and resumes jobs from the command line; running nodes read the state from the job store.</summary>
public sealed class JobsCommandTests : IDisposable
{
    private const string TriggerStateSql = "SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'send-due-messages' AND JOB_GROUP = 'recovery'";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PauseThenResume_FlipsTheTriggerInTheJobStore()
    {
        var paused = await _cli.RunAsync("jobs", "pause", "send-due-messages");
        Assert.True(paused.Code == 0, paused.Error);
        Assert.Equal("PAUSED", await _cli.ScalarAsync(TriggerStateSql));
        var list = await _cli.RunAsync("jobs", "list");
        Assert.Matches(@"recovery\.send-due-messages\s+Paused", list.Output);
        Assert.Matches(@"recovery\.detect-abandoned-carts\s+Normal", list.Output);

        var resumed = await _cli.RunAsync("jobs", "resume", "recovery.send-due-messages");

        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Equal("WAITING", await _cli.ScalarAsync(TriggerStateSql));
        Assert.Matches(@"recovery\.send-due-messages\s+Normal", (await _cli.RunAsync("jobs", "list")).Output);
    }

    [Fact]
    public async Task Pause_KeepsThePauseWhenTheAppStartsAgain()
    {
        await _cli.RunAsync("jobs", "pause", "send-due-messages");

        // Every start registers the app's jobs and triggers again; a paused trigger must stay paused.
        await _cli.RunAsync("migrate");
        await _cli.RunAsync("jobs", "list");

        Assert.Equal("PAUSED", await _cli.ScalarAsync(TriggerStateSql));
    }

    [Fact]
    public async Task Trigger_StoresAOneOffTriggerForRunningNodes()
    {
        var triggered = await _cli.RunAsync("jobs", "trigger", "detect-abandoned-carts");

        Assert.True(triggered.Code == 0, triggered.Error);
        Assert.Equal("2", await _cli.ScalarAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'detect-abandoned-carts'"));
    }

    [Fact]
    public async Task Trigger_PausedJob_RefusesUnlessForced()
    {
        await _cli.RunAsync("jobs", "pause", "send-due-messages");
        const string OneOffSql = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'send-due-messages' AND TRIGGER_NAME <> 'send-due-messages-every'";

        var refused = await _cli.RunAsync("jobs", "trigger", "send-due-messages");

        Assert.Equal(1, refused.Code);
        Assert.Contains("recovery.send-due-messages is paused", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("0", await _cli.ScalarAsync(OneOffSql));

        var forced = await _cli.RunAsync("jobs", "trigger", "send-due-messages", "--force");

        Assert.True(forced.Code == 0, forced.Error);
        Assert.Equal("1", await _cli.ScalarAsync(OneOffSql));
        Assert.Equal("PAUSED", await _cli.ScalarAsync(TriggerStateSql));
    }

    [Fact]
    public async Task History_ShowsOurRunIdsAndCallsOneOffTriggersManual()
    {
        await _cli.RunAsync("jobs", "trigger", "detect-abandoned-carts");
        var manualGroup = await _cli.ScalarAsync("SELECT TRIGGER_GROUP FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'detect-abandoned-carts' AND TRIGGER_NAME <> 'detect-abandoned-carts-every'");
        Assert.Equal(Quartz.TriggerKey.DefaultGroup, manualGroup);
        await _cli.ScalarAsync($"""
            INSERT INTO job_runs (job_group, job_name, trigger_group, trigger_name, instance_id, fire_instance_id, started_at, finished_at, outcome, items)
            VALUES ('recovery', 'detect-abandoned-carts', '{manualGroup}', 'MT_3f2a9c0d1e', 'NON_CLUSTERED', '638812345678901234', 1767258000000, 1767258001000, 1, 4)
            """);

        var history = await _cli.RunAsync("jobs", "history", "detect-abandoned-carts");

        Assert.True(history.Code == 0, history.Error);
        Assert.Matches(@"(?m)^RUN\s+STARTED", history.Output);
        Assert.Matches(@"(?m)^1\s+2026-01-01 09:00:00Z\s+2026-01-01 09:00:01Z\s+1\.000\s+Succeeded\s+4\s+NON_CLUSTERED\s+manual", history.Output);
        Assert.DoesNotContain("638812345678901234", history.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MT_3f2a9c0d1e", history.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownJob_FailsAndNamesTheJobs()
    {
        var result = await _cli.RunAsync("jobs", "pause", "nope");

        Assert.Equal(1, result.Code);
        Assert.Contains("recovery.send-due-messages", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("jobs")]
    [InlineData("jobs", "pause")]
    [InlineData("stores", "import")]
    public async Task UsageError_ExitsTwoWithHelp(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.Code);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("migrate")]
    [InlineData("jobs", "list")]
    [InlineData("jobs", "trigger")]
    [InlineData("jobs", "pause")]
    [InlineData("jobs", "resume")]
    [InlineData("jobs", "history")]
    [InlineData("stores", "list")]
    [InlineData("stores", "import")]
    [InlineData("send-test")]
    public async Task EveryVerb_HasHelp(params string[] verb)
    {
        var result = await _cli.RunAsync([.. verb, "--help"]);

        Assert.Equal(0, result.Code);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }
}
