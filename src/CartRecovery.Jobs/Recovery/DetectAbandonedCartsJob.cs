using CartRecovery.Core.Recovery;
using Quartz;

namespace CartRecovery.Jobs.Recovery;

/// <summary>Marks idle carts abandoned and enrols them in their store's sequence.</summary>
[DisallowConcurrentExecution]
public sealed class DetectAbandonedCartsJob(AbandonmentDetector detector) : IJob
{
    public static readonly JobKey Key = new("detect-abandoned-carts", "recovery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await detector.RunOnceAsync(cancellationToken);
    }
}
