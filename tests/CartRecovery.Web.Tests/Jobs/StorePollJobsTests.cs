using CartRecovery.Core.Stores;
using CartRecovery.Jobs.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>One poll job per active store with a connector, in Quartz's persistent store, kept in step with the stores.</summary>
public sealed class StorePollJobsTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_AddsAJobPerActiveStoreAndRemovesThoseOfUninstalledStores()
    {
        var demo = await _app.DemoStoreAsync();
        var stores = _app.Service<IStoreRepository>();
        var gone = await stores.UpsertAsync(demo with { Id = 0, PublicKey = null, ExternalId = "gone", Status = StoreStatus.Uninstalled }, Ct);
        var scheduler = await _app.Service<ISchedulerFactory>().GetScheduler(Ct);
        var sync = ActivatorUtilities.CreateInstance<SyncStorePollsJob>(_app.Services);

        Assert.Equal(1, await sync.SyncAsync(scheduler, Ct));
        Assert.True(await scheduler.GetJobDetail(PollStoreJob.KeyFor(demo.Id), Ct) is not null);
        Assert.False(await scheduler.GetJobDetail(PollStoreJob.KeyFor(gone.Id), Ct) is not null);
        Assert.Equal(0, await sync.SyncAsync(scheduler, Ct));

        await _app.Service<StoreLifecycle>().UninstallAsync(demo.Id, Ct);
        Assert.Equal(1, await sync.SyncAsync(scheduler, Ct));
        Assert.False(await scheduler.GetJobDetail(PollStoreJob.KeyFor(demo.Id), Ct) is not null);
    }
}
