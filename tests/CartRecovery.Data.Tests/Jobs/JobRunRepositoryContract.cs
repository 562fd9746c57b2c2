using System.Globalization;
using CartRecovery.Core.Jobs;

namespace CartRecovery.Data.Tests.Jobs;

/// <summary>Job run history: runs are recorded at start, completed at the end, listed newest first and pruned by age.</summary>
public abstract class JobRunRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Start_ThenFinish_StoresEveryFieldOfTheRun()
    {
        var started = Run("maintenance", "purge", Now) with
        {
            TriggerGroup = "maintenance", TriggerName = "purge-daily", ScheduledAt = Now.AddSeconds(-2),
        };

        var id = await Db.JobRuns.StartAsync(started, Ct);
        var running = Assert.Single(await Db.JobRuns.ListAsync("maintenance", "purge", 10, Ct));
        await Db.JobRuns.FinishAsync(id, Now.AddSeconds(3), JobRunOutcome.Failed, "boom", 7, Ct);

        Assert.Equal(started with { Id = id }, running);
        var finished = Assert.Single(await Db.JobRuns.ListAsync("maintenance", "purge", 10, Ct));
        Assert.Equal(started with
        {
            Id = id, FinishedAt = Now.AddSeconds(3), Outcome = JobRunOutcome.Failed, Error = "boom", Items = 7,
        }, finished);
    }

    [Fact]
    public async Task List_ReturnsOnlyThatJobsRuns_NewestFirst_UpToTake()
    {
        var first = await Db.JobRuns.StartAsync(Run("g", "a", Now), Ct);
        var third = await Db.JobRuns.StartAsync(Run("g", "a", Now.AddMinutes(2)), Ct);
        var second = await Db.JobRuns.StartAsync(Run("g", "a", Now.AddMinutes(1)), Ct);
        var sameTime = await Db.JobRuns.StartAsync(Run("g", "a", Now.AddMinutes(2)), Ct);
        await Db.JobRuns.StartAsync(Run("g", "b", Now.AddMinutes(5)), Ct);
        await Db.JobRuns.StartAsync(Run("other", "a", Now.AddMinutes(5)), Ct);

        var all = await Db.JobRuns.ListAsync("g", "a", 10, Ct);
        var page = await Db.JobRuns.ListAsync("g", "a", 2, Ct);

        // Runs that started in the same millisecond come newest id first.
        Assert.Equal([sameTime, third, second, first], all.Select(r => r.Id));
        Assert.Equal([sameTime, third], page.Select(r => r.Id));
        Assert.Empty(await Db.JobRuns.ListAsync("g", "missing", 10, Ct));
    }

    [Fact]
    public async Task Latest_HoldsTheLastRunOfEveryJob()
    {
        await Db.JobRuns.StartAsync(Run("g", "a", Now), Ct);
        var lastA = await Db.JobRuns.StartAsync(Run("g", "a", Now.AddMinutes(1)), Ct);
        var onlyB = await Db.JobRuns.StartAsync(Run("g", "b", Now), Ct);
        await Db.JobRuns.FinishAsync(onlyB, Now.AddSeconds(1), JobRunOutcome.Succeeded, null, 3, Ct);

        var latest = await Db.JobRuns.LatestAsync(Ct);

        Assert.Equal(2, latest.Count);
        Assert.Equal(lastA, latest[("g", "a")].Id);
        Assert.Equal((onlyB, JobRunOutcome.Succeeded, 3L), (latest[("g", "b")].Id, latest[("g", "b")].Outcome, latest[("g", "b")].Items!.Value));
    }

    [Fact]
    public async Task Prune_DeletesRunsStartedBeforeTheInstantOnly()
    {
        await Db.JobRuns.StartAsync(Run("g", "a", Now.AddDays(-10)), Ct);
        await Db.JobRuns.StartAsync(Run("g", "b", Now.AddMilliseconds(-1)), Ct);
        var atCutoff = await Db.JobRuns.StartAsync(Run("g", "a", Now), Ct);
        var later = await Db.JobRuns.StartAsync(Run("g", "b", Now.AddDays(1)), Ct);

        Assert.Equal(2, await Db.JobRuns.PruneAsync(Now, Ct));

        Assert.Equal([atCutoff], (await Db.JobRuns.ListAsync("g", "a", 10, Ct)).Select(r => r.Id));
        Assert.Equal([later], (await Db.JobRuns.ListAsync("g", "b", 10, Ct)).Select(r => r.Id));
        Assert.Equal(0, await Db.JobRuns.PruneAsync(Now, Ct));
    }

    private static JobRun Run(string group, string name, DateTimeOffset startedAt) => new()
    {
        JobGroup = group,
        JobName = name,
        InstanceId = "node-1",
        FireInstanceId = startedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        StartedAt = startedAt,
    };
}
