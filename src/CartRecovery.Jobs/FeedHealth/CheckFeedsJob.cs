using Quartz;

namespace CartRecovery.Jobs.FeedHealth;

/// <summary>Judges every store's feeds and emails the owners about the ones that went stale or broken, or recovered; see <see cref="FeedAlarms"/>.</summary>
[DisallowConcurrentExecution]
public sealed class CheckFeedsJob(FeedAlarms alarms) : IJob
{
    public static readonly JobKey Key = new("check-feeds", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await alarms.CheckAllAsync(cancellationToken);
    }
}
