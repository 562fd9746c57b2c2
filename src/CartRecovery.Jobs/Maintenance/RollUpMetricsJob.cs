using Quartz;

namespace CartRecovery.Jobs.Maintenance;

/// <summary>Keeps the per-store daily metrics up to date (re-running a day replaces it); see <see cref="RecentDaysRollup"/>.</summary>
[DisallowConcurrentExecution]
public sealed class RollUpMetricsJob(RecentDaysRollup rollup) : IJob
{
    public static readonly JobKey Key = new("roll-up-metrics", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = (await rollup.RollUpAsync(cancellationToken)).Rows;
    }
}
