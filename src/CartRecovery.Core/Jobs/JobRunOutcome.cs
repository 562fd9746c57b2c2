namespace CartRecovery.Core.Jobs;

/// <summary>How a job run ended; stored as an integer, so values never change.</summary>
public enum JobRunOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Vetoed = 3,

    /// <summary>Stopped by the app shutting down before it finished; the next run, on any node, picks up the rest.</summary>
    Cancelled = 4,
}
