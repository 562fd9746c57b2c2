using Microsoft.Extensions.Logging;
using Quartz;

namespace CartRecovery.Jobs.Scheduling;

/// <summary>
/// Brings the job store in line with the app's fixed jobs (<see cref="ScheduledJob"/>), touching only what differs: a
/// job or trigger that is missing is added, one whose type, description or interval changed is replaced, everything
/// else stays exactly as stored (next fire times, pauses). Writing never fires anything: a new or replaced trigger first
/// fires one interval from now (or from its last fire), not at once. Only <c>run</c> and the verbs that change the job
/// store write; read-only verbs never call this.
/// </summary>
public sealed partial class JobScheduleWriter(IEnumerable<ScheduledJob> jobs, TimeProvider time, ILogger<JobScheduleWriter> logger)
{
    /// <summary>The fixed jobs, in the order they were registered.</summary>
    public IReadOnlyList<ScheduledJob> Jobs { get; } = jobs.ToList();

    /// <summary>Returns how many jobs and triggers were written (0 when the store already matched).</summary>
    public async Task<int> WriteAsync(IScheduler scheduler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var written = 0;
        foreach (var job in Jobs)
        {
            var detail = job.BuildJob();
            if (await scheduler.GetJobDetail(job.Key, ct) is not { } stored || !SameJob(stored, detail))
            {
                // Replacing a job keeps its triggers (and their state).
                await scheduler.AddJob(detail, AddJobOptions.Replacing, ct);
                written++;
            }
            foreach (var name in job.TriggerNames)
            {
                if (await WriteTriggerAsync(scheduler, job, new TriggerKey(name, job.Key.Group), ct))
                    written++;
            }
        }
        if (written > 0)
            Log.Written(logger, written);
        return written;
    }

    private async Task<bool> WriteTriggerAsync(IScheduler scheduler, ScheduledJob job, TriggerKey key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stored = await scheduler.GetTrigger(key, ct);
        if (stored is null)
        {
            try
            {
                await scheduler.ScheduleJob(job.BuildTrigger(key.Name, now + job.Interval), cancellationToken: ct);
                return true;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node of the cluster, starting at the same time, wrote it first.
                return false;
            }
        }
        if (stored is ISimpleTrigger simple && simple.RepeatInterval == job.Interval && simple.RepeatCount == -1
            && stored.OverlapPolicy == job.BuildTrigger(key.Name, now).OverlapPolicy)
            return false;

        // A changed interval counts from the last fire, so a shorter one does not wait out the old interval; never in the past.
        var next = (stored.PreviousFireTimeUtc ?? now) + job.Interval;
        if (next <= now)
            next = now + job.Interval;
        var paused = await scheduler.GetTriggerState(key, ct) == TriggerState.Paused;
        await scheduler.RescheduleJob(key, job.BuildTrigger(key.Name, next), ct);
        if (paused)
            await scheduler.PauseTrigger(key, ct);
        Log.Rescheduled(logger, job.Key.ToString(), job.Interval, next);
        return true;
    }

    private static bool SameJob(IJobDetail stored, IJobDetail wanted) =>
        stored.JobType.Equals(wanted.JobType) && stored.Description == wanted.Description && stored.Durable == wanted.Durable
        && stored.ConcurrentExecutionDisallowed == wanted.ConcurrentExecutionDisallowed;

    private static partial class Log
    {
        [LoggerMessage(2301, LogLevel.Information, "Job schedule written: {Changes} jobs or triggers added or changed")]
        public static partial void Written(ILogger logger, int changes);

        [LoggerMessage(2302, LogLevel.Information, "Job {JobKey} now runs every {Interval}; next run at {NextRun}")]
        public static partial void Rescheduled(ILogger logger, string jobKey, TimeSpan interval, DateTimeOffset nextRun);
    }
}
