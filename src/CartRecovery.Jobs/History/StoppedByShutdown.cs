using Quartz;

namespace CartRecovery.Jobs.History;

/// <summary>
/// A run cut short because the app is shutting down: the scheduler refuses calls ("The Scheduler has been Shutdown") or
/// the run's token is cancelled. That is no failure; the job sets <see cref="Result"/> and ends quietly, and the history
/// records it as cancelled.
/// </summary>
public static class StoppedByShutdown
{
    /// <summary>What a job puts in <see cref="IJobExecutionContext.Result"/> when shutdown stopped it.</summary>
    public static readonly object Result = new();

    public static bool Is(IJobExecutionContext context, Exception error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown && (error is SchedulerException || error is OperationCanceledException
            || error.InnerException is SchedulerException or OperationCanceledException);
    }
}
