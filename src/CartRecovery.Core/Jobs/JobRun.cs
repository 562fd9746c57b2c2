namespace CartRecovery.Core.Jobs;

/// <summary>One execution of a scheduled job on one scheduler instance.</summary>
public sealed record JobRun
{
    public long Id { get; init; }
    public required string JobGroup { get; init; }
    public required string JobName { get; init; }
    public string? TriggerGroup { get; init; }
    public string? TriggerName { get; init; }

    /// <summary>The scheduler instance (node) that ran it.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Quartz's id of this firing, unique per instance.</summary>
    public required string FireInstanceId { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public JobRunOutcome Outcome { get; init; }
    public string? Error { get; init; }

    /// <summary>What the job reported it processed (messages sent, carts purged, ...), when it reports a count.</summary>
    public long? Items { get; init; }
}
