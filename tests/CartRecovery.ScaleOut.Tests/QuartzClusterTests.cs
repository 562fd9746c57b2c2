using System.Collections.Concurrent;
using CartRecovery.Jobs;
using CartRecovery.Jobs.Scheduling;
using Npgsql;
using Quartz;

namespace CartRecovery.ScaleOut.Tests;

/// <summary>
/// Quartz clustering itself, on a real PostgreSQL server: three schedulers in this process, configured as the app
/// configures its own (<see cref="JobStoreProvider.Configure"/>: same scheduler name, own instance ids, one job store),
/// share one fast trigger; the third joins halfway through. Every scheduled fire time must run exactly once across the
/// cluster, and the busy nodes must share the work. Measures the real cluster on the real clock (a few seconds), not a
/// schedule, so it waits rather than using a fake clock. (Checked to fail: schedulers that do not share the store, each
/// with the trigger, fire every time twice. Quartz keeps one fire per time even with clustering off on one node or two
/// nodes on one instance id, thanks to its conditional state updates, so those do not fail it.)
/// </summary>
public sealed class QuartzClusterTests
{
    private const int NodeCount = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(6);
    /// <summary>How long each run takes: twice the interval, so one node (one job thread) cannot keep up alone.</summary>
    private static readonly TimeSpan RunTime = 2 * Interval;

    /// <summary>Fires recorded by <see cref="RecordFireJob"/>, per test run (Quartz creates the job through its parameterless constructor).</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Fire>> Runs = new();

    [Fact]
    public async Task ClusteredSchedulers_SharingOneTrigger_RunEachScheduledFireTimeExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await ScaleOutDatabase.CreateAsync(ct);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await QuartzSchema.ApplyAsync(connection, JobStoreProvider.Postgres, ct);
        }
        var run = Guid.NewGuid().ToString("N");
        var fires = Runs.GetOrAdd(run, _ => new ConcurrentQueue<Fire>());
        var options = new JobsOptions { ClusterCheckinInterval = TimeSpan.FromSeconds(1), ClusterCheckinMisfireThreshold = TimeSpan.FromSeconds(5) };
        var factories = new List<StandaloneSchedulerFactory>();
        var nodes = new List<IScheduler>();
        try
        {
            for (var i = 0; i < NodeCount - 1; i++)
                nodes.Add(await StartNodeAsync());
            // Scheduled through one node; the others learn of it from the store. On a whole second, two seconds ahead.
            var now = DateTimeOffset.UtcNow;
            var start = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2);
            var end = start + Window;
            var job = JobBuilder.Create<RecordFireJob>().WithIdentity("record", "cluster-test").UsingJobData(RecordFireJob.RunKey, run).Build();
            var trigger = TriggerBuilder.Create().WithIdentity("every-quarter-second", "cluster-test").StartAt(start).EndAt(end)
                .WithSimpleSchedule(s => s.WithInterval(Interval).RepeatForever()).Build();
            await nodes[0].ScheduleJob(job, trigger, cancellationToken: ct);
            // The last node joins the running cluster halfway through (as in a rolling deploy or a scale-out): starting,
            // it must not release or re-fire what the others have acquired.
            await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (start + Window / 2 - DateTimeOffset.UtcNow).Ticks)), ct);
            nodes.Add(await StartNodeAsync());
            Assert.Equal(NodeCount, nodes.Select(n => n.SchedulerInstanceId).Distinct().Count());
            var expected = Enumerable.Range(0, (int)(Window / Interval) + 1).Select(k => start + k * Interval).Where(t => t <= end).ToList();

            // Done when the trigger is gone (it completed) and the last fire has been recorded, or at the deadline.
            var deadline = end + TimeSpan.FromSeconds(10);
            while (DateTimeOffset.UtcNow < deadline && (await nodes[0].Exists(trigger.Key, ct) || fires.Count < expected.Count))
                await Task.Delay(200, ct);
            // Room for a late duplicate from a node that wrongly fired the same time too.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);

            var recorded = fires.ToList();
            var duplicates = recorded.GroupBy(f => f.ScheduledAt).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key:HH:mm:ss.fff} by {string.Join("+", g.Select(f => f.Node))}").ToList();
            Assert.True(duplicates.Count == 0, $"fired more than once: {string.Join(", ", duplicates)}");
            Assert.True(expected.Count >= 20, $"only {expected.Count} fire times expected");
            Assert.Equal(expected, recorded.Select(f => f.ScheduledAt).Order());

            // One node with one job thread would need RunTime per fire, longer than the window; the others poll every second.
            var perNode = recorded.GroupBy(f => f.Node).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(perNode.Count >= 2, $"only {string.Join(", ", perNode.Keys)} ran the trigger");
            TestContext.Current.SendDiagnosticMessage($"quartz cluster: {recorded.Count} fires; per node: {string.Join(", ", perNode.Select(p => $"{p.Key}={p.Value}"))}");
        }
        finally
        {
            foreach (var factory in factories)
                await factory.DisposeAsync();
            Runs.TryRemove(run, out _);
        }

        async Task<IScheduler> StartNodeAsync()
        {
            // As the app builds its own: one scheduler name, and an instance id that clustering generates per node.
            var factory = QuartzSchedulerBuilder.Create(q =>
            {
                // Nodes poll the store at least this often, so all of them compete for the trigger within the window.
                q.ConfigureScheduler(s => { s.InstanceName = "cartrecovery-cluster-test"; s.IdleWaitTime = TimeSpan.FromSeconds(1); });
                // One job at a time per node: a busy node leaves the next fire to the others.
                q.UseDefaultThreadPool(1);
                q.UsePersistentStore(store =>
                {
                    JobStoreProvider.Configure(store, JobStoreProvider.Postgres, database.ConnectionString, options);
                    store.UseSystemTextJsonSerializer();
                });
            }).Build();
            factories.Add(factory);
            var node = await factory.GetScheduler(ct);
            await node.Start(ct);
            return node;
        }
    }

    private sealed record Fire(string Node, DateTimeOffset ScheduledAt);

    /// <summary>Records which node ran which scheduled fire time.</summary>
    private sealed class RecordFireJob : IJob
    {
        public const string RunKey = "run";

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var run = context.MergedJobDataMap.GetString(RunKey)!;
            Runs[run].Enqueue(new Fire(context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc!.Value));
            await Task.Delay(RunTime, cancellationToken);
        }
    }
}
