using System.Diagnostics;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Jobs.Webhooks;

/// <summary>
/// Works the webhook inbox. The receiving endpoint asks for a run right after storing a delivery (<see cref="ProcessWebhooksNudge"/>,
/// so processing starts within moments); its own interval is the safety net for deliveries left behind by a crash or a failed attempt.
/// During a burst the endpoints come first: while deliveries keep arriving, a run waits for a lull before each batch, as
/// long as the oldest pending delivery is younger than <see cref="JobsOptions.WebhookBurstDelay"/> (the deliveries are
/// stored and acknowledged; the CPUs go to answering the platform fast, and processing catches up after the burst).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProcessWebhooksJob(
    WebhookProcessor processor, ProcessWebhooksNudge nudge, IWebhookBacklog backlog, TimeProvider time, IOptions<JobsOptions> jobs) : IJob
{
    public static readonly JobKey Key = new("process-webhooks", "connectors");
    private const int BatchSize = 50;
    private const int MaxBatchesPerRun = 20;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Before the first claim: a delivery stored after this point asks for the next run.
        nudge.Started();
        var processed = 0;
        DateTimeOffset? processBy = null;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            processBy = await YieldToIntakeAsync(processBy, cancellationToken);
            var done = await processor.RunOnceAsync(BatchSize, cancellationToken);
            processed += done;
            if (done < BatchSize)
                break;
        }
        // A run is kept short (other jobs and a shutdown wait for it), but a backlog must not wait for the interval:
        // when every batch was full, more is probably waiting, and the next run starts at once.
        if (processed == BatchSize * MaxBatchesPerRun)
            nudge.Request();
        context.Result = processed;
    }

    /// <summary>
    /// Waits while deliveries keep arriving, until a lull or until the oldest pending delivery has waited
    /// <see cref="JobsOptions.WebhookBurstDelay"/> (read once per run; returned so later batches of the run reuse it).
    /// </summary>
    private async Task<DateTimeOffset?> YieldToIntakeAsync(DateTimeOffset? processBy, CancellationToken ct)
    {
        var delay = jobs.Value.WebhookBurstDelay;
        while (delay > TimeSpan.Zero && nudge.IntakeBusy)
        {
            processBy ??= (await backlog.MeasureAsync(ct)).OldestReceivedAt + delay ?? DateTimeOffset.MinValue;
            if (time.GetUtcNow() >= processBy)
                break;
            // The system's clock, as IntakeBusy's: a lull is real time without deliveries.
            await Task.Delay(ProcessWebhooksNudge.Quiet / 2, TimeProvider.System, ct);
        }
        return processBy;
    }
}
