using System.Collections.Concurrent;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Storage;
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

    [Fact]
    public async Task RunningScheduler_WritesTheHistoryWithoutWaitingForTheDisk()
    {
        var ct = TestContext.Current.CancellationToken;
        var writes = new ConcurrentQueue<(string Write, bool Relaxed)>();
        using var app = new CartRecoveryAppFactory(jobsEnabled: true, fakeClock: false,
            services: s => s.Decorate<IJobRunRepository>(real => new WatchedRuns(real, writes)));
        _ = app.Services;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!writes.Any(w => w.Write == "finish"))
            await Task.Delay(100, timeout.Token);

        // A job that runs every second would otherwise flush the disk twice a second on an idle server.
        Assert.Contains(writes, w => w.Write == "start");
        Assert.All(writes, w => Assert.True(w.Relaxed, $"the history's {w.Write} waited for the disk"));
        Assert.False(RelaxedDurability.IsOn);
    }

    private sealed class WatchedRuns(IJobRunRepository real, ConcurrentQueue<(string, bool)> writes) : IJobRunRepository
    {
        public Task<long> StartAsync(JobRun run, CancellationToken ct)
        {
            writes.Enqueue(("start", RelaxedDurability.IsOn));
            return real.StartAsync(run, ct);
        }

        public Task FinishAsync(long id, DateTimeOffset finishedAt, JobRunOutcome outcome, string? failure, long? items, CancellationToken ct)
        {
            writes.Enqueue(("finish", RelaxedDurability.IsOn));
            return real.FinishAsync(id, finishedAt, outcome, failure, items, ct);
        }

        public Task<IReadOnlyList<JobRun>> ListAsync(string jobGroup, string jobName, int take, CancellationToken ct) =>
            real.ListAsync(jobGroup, jobName, take, ct);

        public Task<IReadOnlyDictionary<(string Group, string Name), JobRun>> LatestAsync(CancellationToken ct) => real.LatestAsync(ct);

        public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) => real.PruneAsync(before, ct);
    }
}
