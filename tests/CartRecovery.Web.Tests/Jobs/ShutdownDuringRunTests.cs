using CartRecovery.Core.Stores;
using CartRecovery.Jobs.Connectors;
using CartRecovery.Web.Tests.Security;
using CartRecovery.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>The app stops while a job runs (real scheduler, real SQLite job store): the run ends quietly as cancelled.</summary>
public sealed class ShutdownDuringRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shutdown_WhileTheStorePollSyncRuns_RecordsItCancelledAndLogsNoError()
    {
        var gate = new StoreListGate();
        var errors = new ErrorLog();
        // Nothing fires on its own for an hour: only the run this test triggers.
        var hourly = new[] { "DetectAbandonedEvery", "SendDueMessagesEvery", "PollStoresEvery", "ProcessWebhooksEvery", "RollUpMetricsEvery",
            "ChargeUsageEvery", "PurgeExpiredDataEvery" }.ToDictionary(k => $"Jobs:{k}", _ => (string?)"01:00:00");
        var finished = new RunEnds();
        var app = new CartRecoveryAppFactory(jobsEnabled: true, fakeClock: false, settings: hourly, services: s =>
        {
            s.Decorate<IStoreRepository>(inner => new GatedStores(gate, inner));
            s.Decorate<IJobRunRepository>(inner => new WatchedRuns(finished, inner));
            s.AddSingleton<ILoggerProvider>(errors);
        });
        try
        {
            var scheduler = (await app.Service<ISchedulerFactory>().GetAllSchedulers(Ct)).Single(s => s.SchedulerName == "CartRecovery");
            for (var i = 0; i < 600 && scheduler.Status != SchedulerStatus.Running; i++)
                await Task.Delay(50, Ct);

            gate.Armed = true;
            await scheduler.TriggerJob(SyncStorePollsJob.Key, Ct);
            await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var stopping = app.DisposeAsync().AsTask();
            for (var i = 0; i < 600 && scheduler.Status is not (SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown); i++)
                await Task.Delay(50, Ct);
            gate.Release.TrySetResult();
            await stopping.WaitAsync(TimeSpan.FromSeconds(60), Ct);

            var (outcome, failure) = Assert.Single(finished.Runs);
            Assert.Equal(JobRunOutcome.Cancelled, outcome);
            Assert.Null(failure);
            Assert.Empty(errors.Drain());
        }
        finally
        {
            gate.Release.TrySetResult();
            await app.DisposeAsync();
        }
    }

    /// <summary>Holds the first store listing after it is armed until released: a job caught in the middle of its run.</summary>
    private sealed class StoreListGate
    {
        public volatile bool Armed;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class GatedStores(StoreListGate gate, IStoreRepository inner) : IStoreRepository
    {
        public async Task<IReadOnlyList<Store>> ListAsync(CancellationToken ct)
        {
            if (gate.Armed)
            {
                gate.Armed = false;
                gate.Entered.TrySetResult();
                await gate.Release.Task;
            }
            return await inner.ListAsync(ct);
        }

        public Task<Store?> GetAsync(long storeId, CancellationToken ct) => inner.GetAsync(storeId, ct);
        public Task<Store?> GetRecentAsync(long storeId, CancellationToken ct) => inner.GetRecentAsync(storeId, ct);
        public Task<Store?> FindAsync(string platform, string externalId, CancellationToken ct) => inner.FindAsync(platform, externalId, ct);
        public Task<IReadOnlyList<Store>> ListForAccountAsync(long accountId, CancellationToken ct) => inner.ListForAccountAsync(accountId, ct);
        public Task<Store?> FindByPublicKeyAsync(string publicKey, CancellationToken ct) => inner.FindByPublicKeyAsync(publicKey, ct);
        public Task<Store> UpsertAsync(Store store, CancellationToken ct) => inner.UpsertAsync(store, ct);
    }

    /// <summary>How each run ended, as the history was told (the data folder is gone once the app is disposed).</summary>
    private sealed class RunEnds
    {
        public System.Collections.Concurrent.ConcurrentQueue<(JobRunOutcome Outcome, string? Failure)> Runs { get; } = new();
    }

    private sealed class WatchedRuns(RunEnds ends, IJobRunRepository inner) : IJobRunRepository
    {
        public async Task FinishAsync(long id, DateTimeOffset finishedAt, JobRunOutcome outcome, string? failure, long? items, CancellationToken ct)
        {
            ends.Runs.Enqueue((outcome, failure));
            await inner.FinishAsync(id, finishedAt, outcome, failure, items, ct);
        }

        public Task<long> StartAsync(JobRun run, CancellationToken ct) => inner.StartAsync(run, ct);
        public Task<IReadOnlyList<JobRun>> ListAsync(string jobGroup, string jobName, int take, CancellationToken ct) => inner.ListAsync(jobGroup, jobName, take, ct);
        public Task<IReadOnlyDictionary<(string Group, string Name), JobRun>> LatestAsync(CancellationToken ct) => inner.LatestAsync(ct);
        public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) => inner.PruneAsync(before, ct);
    }
}
