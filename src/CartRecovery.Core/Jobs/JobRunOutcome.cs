namespace CartRecovery.Core.Jobs;

/// <summary>How a job run ended; stored as an integer, so values never change.</summary>
public enum JobRunOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Vetoed = 3,
}
