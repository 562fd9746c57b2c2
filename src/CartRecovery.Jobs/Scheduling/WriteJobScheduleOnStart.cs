using Microsoft.Extensions.Hosting;
using Quartz;

namespace CartRecovery.Jobs.Scheduling;

/// <summary>
/// Writes the schedule as the app starts, before the scheduler does (it is registered ahead of Quartz's hosted service),
/// so a first start finds its jobs and a restart with the same settings changes nothing.
/// </summary>
internal sealed class WriteJobScheduleOnStart(ISchedulerFactory schedulers, JobScheduleWriter writer) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await writer.WriteAsync(await schedulers.GetScheduler(cancellationToken), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
