using CartRecovery.Core.Recovery;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Jobs.Recovery;

/// <summary>
/// Claims and sends due messages. It drains full batches back to back (up to a bound) so a burst does not wait
/// for the next fire, and never runs twice at once on one scheduler. On a cluster the job is registered as concurrent
/// with a few non-overlapping triggers instead (see <c>JobsServiceCollectionExtensions.ClusteredDispatchLanes</c>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class SendDueMessagesJob(MessageDispatcher dispatcher, IOptions<JobsOptions> options) : IJob
{
    public static readonly JobKey Key = new("send-due-messages", "recovery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sent = 0;
        for (var batch = 0; batch < options.Value.MaxBatchesPerRun; batch++)
        {
            var summary = await dispatcher.RunOnceAsync(cancellationToken);
            sent += summary.Sent;
            if (summary.Claimed == 0 || !summary.FilledBatch)
                break;
        }
        context.Result = sent;
    }
}
