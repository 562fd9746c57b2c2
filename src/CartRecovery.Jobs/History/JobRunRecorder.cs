using System.Collections.Concurrent;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Storage;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CartRecovery.Jobs.History;

/// <summary>
/// Records every job run in <see cref="IJobRunRepository"/>: a row when it starts (or is vetoed), completed when it ends with
/// the outcome, the error and the count the job put in <see cref="IJobExecutionContext.Result"/>. Recording is best
/// effort: a history write that fails is logged and never fails the job itself.
/// </summary>
public sealed partial class JobRunRecorder(IJobRunRepository runs, TimeProvider time, ILogger<JobRunRecorder> logger) : IJobListener
{
    // Quartz 4 contexts carry no per-fire bag; the fire instance id is unique per scheduler, so it keys the open runs.
    private readonly ConcurrentDictionary<string, long> _open = new(StringComparer.Ordinal);

    public string Name => "job-run-history";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = await TryAsync(context, () => runs.StartAsync(NewRun(context, JobRunOutcome.Running), cancellationToken));
        if (id is { } runId)
            _open[context.FireInstanceId] = runId;
    }

    public async ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = NewRun(context, JobRunOutcome.Vetoed) with { FinishedAt = time.GetUtcNow() };
        await TryAsync(context, () => runs.StartAsync(run, cancellationToken));
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stopped = context.Result == StoppedByShutdown.Result || (jobException is not null && StoppedByShutdown.Is(context, jobException));
        var outcome = stopped ? JobRunOutcome.Cancelled : jobException is null ? JobRunOutcome.Succeeded : JobRunOutcome.Failed;
        JobMetrics.JobRan(MetricName(context.JobDetail.Key), outcome.ToString().ToLowerInvariant(), context.JobRunTime);
        if (!_open.TryRemove(context.FireInstanceId, out var id))
            return;
        var error = jobException is null || stopped ? null : (jobException.InnerException ?? jobException).Message;
        await TryAsync(context, async () =>
        {
            await runs.FinishAsync(id, time.GetUtcNow(), outcome, error, Items(context.Result), cancellationToken);
            return id;
        });
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress,
        CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    private JobRun NewRun(IJobExecutionContext context, JobRunOutcome outcome) => new()
    {
        JobGroup = context.JobDetail.Key.Group,
        JobName = context.JobDetail.Key.Name,
        TriggerGroup = context.Trigger.Key.Group,
        TriggerName = context.Trigger.Key.Name,
        InstanceId = context.Scheduler.SchedulerInstanceId,
        FireInstanceId = context.FireInstanceId,
        ScheduledAt = context.ScheduledFireTimeUtc,
        StartedAt = time.GetUtcNow(),
        Outcome = outcome,
    };

    /// <summary>A job's metric label: one per job, except the per-store polls, which share their group's (one label per store would not scale).</summary>
    private static string MetricName(JobKey key) => key.Group == Connectors.PollStoreJob.Group ? key.Group : key.Name;

    private static long? Items(object? result) => result switch
    {
        int i => i,
        long l => l,
        _ => null,
    };

    // The history is a record, not a promise: its writes do not wait for the disk (the next durable commit flushes them;
    // a power cut can lose the last few, as a crash can leave a run open). The dispatcher runs every second: an idle
    // server flushed the disk several times a second for its history.
    private async Task<long?> TryAsync(IJobExecutionContext context, Func<Task<long>> write)
    {
        try
        {
            using (RelaxedDurability.Begin())
                return await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.HistoryWriteFailed(logger, e, context.JobDetail.Key.ToString());
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2201, LogLevel.Warning, "Could not record a run of job {JobKey} in the history")]
        public static partial void HistoryWriteFailed(ILogger logger, Exception error, string jobKey);
    }
}
