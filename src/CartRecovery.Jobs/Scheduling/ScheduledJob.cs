using Quartz;

namespace CartRecovery.Jobs.Scheduling;

/// <summary>
/// One of the app's fixed jobs as configuration wants it: a durable job on one or more forever-repeating simple triggers
/// (<paramref name="TriggerNames"/>, in the job's group). Several triggers are the dispatch lanes of a cluster; each lane
/// never overlaps itself (<paramref name="SkipOverlap"/>).
/// </summary>
public sealed record ScheduledJob(JobKey Key, Type JobType, string Description, TimeSpan Interval, IReadOnlyList<string> TriggerNames,
    bool AllowConcurrent = false, bool SkipOverlap = false)
{
    /// <summary>The usual job: one trigger named <c>{name}-every</c>.</summary>
    public static ScheduledJob Every<TJob>(JobKey key, TimeSpan interval, string description) where TJob : IJob =>
        new(key, typeof(TJob), description, interval, [$"{key?.Name}-every"]);

    public IJobDetail BuildJob() => JobBuilder.Create().OfType(JobType).WithIdentity(Key).WithDescription(Description).StoreDurably()
        .DisallowConcurrentExecution(!AllowConcurrent && JobType.IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: true))
        .Build();

    /// <summary>
    /// A trigger whose first fire is <paramref name="firstFire"/>. A late fire does not replay the fires it missed (each run
    /// catches up on everything due anyway), hence next-with-remaining-count on misfire.
    /// </summary>
    public ITrigger BuildTrigger(string name, DateTimeOffset firstFire)
    {
        var trigger = TriggerBuilder.Create().ForJob(Key).WithIdentity(name, Key.Group).StartAt(firstFire)
            .WithSimpleSchedule(s => s.WithInterval(Interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
        if (SkipOverlap)
            trigger = trigger.WithOverlapPolicy(OverlapPolicy.Skip);
        return trigger.Build();
    }
}
