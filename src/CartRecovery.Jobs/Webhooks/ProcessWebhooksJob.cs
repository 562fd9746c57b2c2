using CartRecovery.Core.Webhooks;
using Quartz;

namespace CartRecovery.Jobs.Webhooks;

/// <summary>
/// Works the webhook inbox. The receiving endpoint asks for a run right after storing a delivery (<see cref="ProcessWebhooksNudge"/>,
/// so processing starts within moments); its own interval is the safety net for deliveries left behind by a crash or a failed attempt.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProcessWebhooksJob(WebhookProcessor processor, ProcessWebhooksNudge nudge) : IJob
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
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
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
}
