using System.Reflection;
using CartRecovery.Core.Webhooks;
using CartRecovery.Jobs;
using CartRecovery.Jobs.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>A burst of deliveries asks Quartz for one run of the webhook job, not one trigger per delivery.</summary>
public sealed class ProcessWebhooksNudgeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly Schedulers _schedulers = new();

    private ProcessWebhooksNudge Nudge(bool enabled = true) =>
        new(_schedulers.Factory, Options.Create(new JobsOptions { Enabled = enabled }), _time, NullLogger<ProcessWebhooksNudge>.Instance);

    [Fact]
    public void Request_WhenARunIsAlreadyPending_TriggersOnlyOnce()
    {
        var nudge = Nudge();

        for (var i = 0; i < 100; i++)
            nudge.Request();

        Assert.Equal([ProcessWebhooksJob.Key], _schedulers.Triggered);
    }

    [Fact]
    public void Request_AfterTheRunStarted_TriggersTheNextRun()
    {
        var nudge = Nudge();
        nudge.Request();

        nudge.Started();
        nudge.Request();
        nudge.Request();

        Assert.Equal(2, _schedulers.Triggered.Count);
    }

    [Fact]
    public void Request_WhenThePendingRunNeverStartedHere_AsksAgainAfterPendingFor()
    {
        var nudge = Nudge();
        nudge.Request();

        _time.Advance(ProcessWebhooksNudge.PendingFor - TimeSpan.FromMilliseconds(1));
        nudge.Request();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        nudge.Request();

        Assert.Equal(2, _schedulers.Triggered.Count);
    }

    [Fact]
    public void Request_WhenJobsAreSwitchedOff_TriggersNothing()
    {
        Nudge(enabled: false).Request();

        Assert.Empty(_schedulers.Triggered);
    }

    [Theory]
    [InlineData(1000, 1)] // every batch of the run was full: a backlog is likely, the next run starts at once
    [InlineData(999, 0)] // the inbox ran dry: the next delivery (or the interval) asks for the next run
    public async Task Job_WhenItsBatchesRunOut_AsksForTheNextRunAtOnce(int pending, int triggered)
    {
        var inbox = new Inbox(pending, _time);
        var processor = new WebhookProcessor(inbox, [new Handler()], _time, NullLogger<WebhookProcessor>.Instance);
        var context = DispatchProxy.Create<IJobExecutionContext, ResultOnlyContext>();

        await Job(processor, Nudge(), inbox).Execute(context, TestContext.Current.CancellationToken);

        Assert.Equal(0, inbox.Left);
        Assert.Equal(pending, ((ResultOnlyContext)(object)context).Result);
        Assert.Equal(triggered, _schedulers.Triggered.Count);
    }

    [Fact]
    public async Task Job_WhileDeliveriesKeepArriving_WaitsForALullBeforeItClaims()
    {
        var inbox = new Inbox(10, _time);
        var processor = new WebhookProcessor(inbox, [new Handler()], _time, NullLogger<WebhookProcessor>.Instance);
        var nudge = Nudge();
        var burst = Burst(nudge);

        var run = Job(processor, nudge, inbox).Execute(DispatchProxy.Create<IJobExecutionContext, ResultOnlyContext>(), TestContext.Current.CancellationToken).AsTask();
        await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(400), TestContext.Current.CancellationToken));
        var claimedDuringTheBurst = inbox.Claims;
        burst.Dispose();
        await run;

        Assert.Equal(0, claimedDuringTheBurst);
        Assert.Equal(0, inbox.Left);
    }

    [Fact]
    public async Task Job_WhenTheOldestPendingDeliveryHasWaitedTheBurstDelay_ProcessesDespiteTheBurst()
    {
        var inbox = new Inbox(10, _time) { OldestReceivedAt = _time.GetUtcNow() - new JobsOptions().WebhookBurstDelay };
        var processor = new WebhookProcessor(inbox, [new Handler()], _time, NullLogger<WebhookProcessor>.Instance);
        var nudge = Nudge();
        using var burst = Burst(nudge);

        var run = Job(processor, nudge, inbox).Execute(DispatchProxy.Create<IJobExecutionContext, ResultOnlyContext>(), TestContext.Current.CancellationToken).AsTask();
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)) == run;

        Assert.True(finished, "the run waited for the burst to end instead of processing the overdue deliveries");
        Assert.Equal(0, inbox.Left);
    }

    /// <summary>
    /// A delivery every millisecond until disposed, from a thread of its own (not the pool's: whatever the test run's load);
    /// returns once the first has arrived, so the burst is on before the job looks.
    /// </summary>
    private static Arrivals Burst(ProcessWebhooksNudge nudge) => new(nudge);

    private sealed class Arrivals : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ManualResetEventSlim _first = new();
        private readonly Thread _thread;

        public Arrivals(ProcessWebhooksNudge nudge)
        {
            _thread = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    nudge.Request();
                    _first.Set();
                    Thread.Sleep(1);
                }
            });
            _thread.Start();
            _first.Wait();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
            _first.Dispose();
        }
    }

    private ProcessWebhooksJob Job(WebhookProcessor processor, ProcessWebhooksNudge nudge, IWebhookBacklog backlog) =>
        new(processor, nudge, backlog, _time, Options.Create(new JobsOptions()));

    /// <summary>An inbox holding <c>pending</c> deliveries, claimed in order.</summary>
    private sealed class Inbox(int pending, TimeProvider time) : IWebhookInbox, IWebhookBacklog
    {
        public int Left { get; private set; } = pending;

        public int Claims { get; private set; }

        public DateTimeOffset OldestReceivedAt { get; init; } = time.GetUtcNow();

        public Task<WebhookBacklog> MeasureAsync(CancellationToken ct) => Task.FromResult(new WebhookBacklog(Left, Left > 0 ? OldestReceivedAt : null));

        public Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int batchSize, CancellationToken ct)
        {
            Claims++;
            var take = Math.Min(batchSize, Left);
            Left -= take;
            return Task.FromResult<IReadOnlyList<WebhookDelivery>>([.. Enumerable.Range(Left, take).Select(i => new WebhookDelivery
            {
                Id = i + 1, Platform = "test", DeliveryId = $"d{i}", Topic = "t", Body = "{}", ReceivedAt = time.GetUtcNow(),
            })]);
        }

        public Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct) => throw new NotSupportedException();
        public Task MarkProcessedAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct) => Task.CompletedTask;
        public Task ForgetBodyAsync(long id, CancellationToken ct) => Task.CompletedTask;
        public Task MarkFailedAsync(long id, string lastError, DateTimeOffset? retryAt, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class Handler : IWebhookHandler
    {
        public string Platform => "test";
        public bool IsErasure(string topic) => false;
        public Task HandleAsync(WebhookDelivery delivery, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>A job context that only keeps the run's result (the job sets nothing else).</summary>
    public class ResultOnlyContext : DispatchProxy
    {
        internal object? Result { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != "set_Result")
                throw new NotSupportedException(targetMethod?.Name);
            Result = args![0];
            return null;
        }
    }

    /// <summary>A scheduler factory (a proxy: the nudge only asks for the default scheduler) handing out a <see cref="RecordingScheduler"/>.</summary>
    private sealed class Schedulers
    {
        public Schedulers()
        {
            var scheduler = DispatchProxy.Create<IScheduler, RecordingScheduler>();
            ((RecordingScheduler)(object)scheduler).Triggered = Triggered;
            Factory = DispatchProxy.Create<ISchedulerFactory, DefaultSchedulerOnly>();
            ((DefaultSchedulerOnly)(object)Factory).Scheduler = scheduler;
        }

        public ISchedulerFactory Factory { get; }

        public List<JobKey> Triggered { get; } = [];
    }

    public class DefaultSchedulerOnly : DispatchProxy
    {
        internal IScheduler Scheduler { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(ISchedulerFactory.GetScheduler) && args?.Length == 1
                ? new ValueTask<IScheduler>(Scheduler)
                : throw new NotSupportedException(targetMethod?.Name);
    }

    /// <summary>A scheduler that only records <c>TriggerJob</c> (IScheduler has dozens of members the nudge never calls).</summary>
    public class RecordingScheduler : DispatchProxy
    {
        internal List<JobKey> Triggered { get; set; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IScheduler.TriggerJob))
                throw new NotSupportedException(targetMethod?.Name);
            Triggered.Add((JobKey)args![0]!);
            return ValueTask.CompletedTask;
        }
    }
}
