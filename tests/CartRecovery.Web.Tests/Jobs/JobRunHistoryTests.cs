using CartRecovery.Core.Jobs;
using CartRecovery.Jobs.Recovery;
using CartRecovery.Web.Cli;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>Every run of a job is recorded by the scheduler itself (real clock, real SQLite job store).</summary>
public sealed class JobRunHistoryTests
{
    [Fact]
    public async Task RunningScheduler_RecordsEachRun_AndTheCliShowsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var app = new CartRecoveryAppFactory(jobsEnabled: true, fakeClock: false);
        _ = app.Services;   // starts the host and its scheduler
        var runs = app.Service<IJobRunRepository>();
        var key = SendDueMessagesJob.Key;

        IReadOnlyList<JobRun> recorded = [];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!recorded.Any(r => r.Outcome == JobRunOutcome.Succeeded))
        {
            await Task.Delay(200, timeout.Token);
            recorded = await runs.ListAsync(key.Group, key.Name, 10, timeout.Token);
        }

        var run = recorded.First(r => r.Outcome == JobRunOutcome.Succeeded);
        Assert.Equal(0, run.Items);
        Assert.NotNull(run.FinishedAt);
        Assert.True(run.FinishedAt >= run.StartedAt);
        Assert.Equal("send-due-messages-every", run.TriggerName);
        Assert.False(string.IsNullOrEmpty(run.InstanceId));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await global::CartRecovery.Web.Cli.Cli.InvokeAsync(["jobs", "history", "send-due-messages", $"--Storage:DataDirectory={app.DataDirectory}"], output, error,
            new CliOptions(), ct);
        Assert.True(code == 0, error.ToString());
        Assert.Matches(@"Succeeded\s+0\s+", output.ToString());
    }
}
