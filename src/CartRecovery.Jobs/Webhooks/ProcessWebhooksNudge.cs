using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Jobs.Webhooks;

/// <summary>
/// Starts <see cref="ProcessWebhooksJob"/> soon after deliveries are stored, without a trigger per delivery: a burst of
/// deliveries asks for one run, which takes every delivery stored before it starts. (Each Quartz trigger is a write to
/// the job store and a job run; one per delivery was what capped webhook intake.)
/// </summary>
public sealed partial class ProcessWebhooksNudge(
    ISchedulerFactory schedulers, IOptions<JobsOptions> jobs, TimeProvider time, ILogger<ProcessWebhooksNudge> logger)
{
    /// <summary>
    /// How long a requested run counts as on its way. On a cluster the run may start on another node, which this node
    /// does not see: after this long, the next delivery asks again.
    /// </summary>
    public static readonly TimeSpan PendingFor = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries arriving closer together than this make a burst (<see cref="IntakeBusy"/>).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    // The timestamp (TimeProvider) of the trigger whose run has not started yet; 0 when none is pending.
    private long _pendingSince;

    // When the last delivery was stored, on the system's clock (Stopwatch timestamp); 0 before the first.
    private long _lastArrival;

    /// <summary>
    /// True while deliveries keep arriving (one in the last <see cref="Quiet"/>). This is about how busy the endpoints
    /// are right now, so it reads the system's clock, not the schedule's TimeProvider (which tests stop).
    /// </summary>
    public bool IntakeBusy =>
        Interlocked.Read(ref _lastArrival) is var last and not 0 && Stopwatch.GetElapsedTime(last) < Quiet;

    /// <summary>
    /// Asks for a run unless one is already pending; returns at once (the trigger is written in the background, and a
    /// failure only waits for the job's own interval: the delivery is already stored).
    /// </summary>
    public void Request()
    {
        Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
        // With jobs switched off nothing would run the trigger; the deliveries wait in the inbox.
        if (!jobs.Value.Enabled)
            return;
        var since = Interlocked.Read(ref _pendingSince);
        var now = time.GetTimestamp();
        if (since != 0 && time.GetElapsedTime(since, now) < PendingFor)
            return;
        if (Interlocked.CompareExchange(ref _pendingSince, now, since) == since)
            _ = TriggerAsync();
    }

    /// <summary>Called by the job as it starts: deliveries stored from now on need another run.</summary>
    public void Started() => Interlocked.Exchange(ref _pendingSince, 0);

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(CancellationToken.None);
            await scheduler.TriggerJob(ProcessWebhooksJob.Key, CancellationToken.None);
        }
        catch (SchedulerException error)
        {
            Interlocked.Exchange(ref _pendingSince, 0);
            Log.TriggerFailed(logger, error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5002, LogLevel.Warning, "Could not trigger webhook processing at once; the periodic run will")]
        public static partial void TriggerFailed(ILogger logger, Exception error);
    }
}
