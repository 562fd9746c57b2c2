using System.Reflection;
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
