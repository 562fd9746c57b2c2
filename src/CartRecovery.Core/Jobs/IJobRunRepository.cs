namespace CartRecovery.Core.Jobs;

/// <summary>The history of job runs: what ran where, when, how it ended and how much it did.</summary>
public interface IJobRunRepository
{
    /// <summary>Records a run that started (or was vetoed) and returns its id.</summary>
    Task<long> StartAsync(JobRun run, CancellationToken ct);

    /// <summary>Records how run <paramref name="id"/> ended.</summary>
    Task FinishAsync(long id, DateTimeOffset finishedAt, JobRunOutcome outcome, string? failure, long? items, CancellationToken ct);

    /// <summary>The latest runs of one job, newest first.</summary>
    Task<IReadOnlyList<JobRun>> ListAsync(string jobGroup, string jobName, int take, CancellationToken ct);

    /// <summary>The latest run of every job that ran, keyed by (group, name).</summary>
    Task<IReadOnlyDictionary<(string Group, string Name), JobRun>> LatestAsync(CancellationToken ct);

    /// <summary>Deletes runs that started before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct);
}
