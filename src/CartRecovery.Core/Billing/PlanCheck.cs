using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Billing;

/// <summary>Whether a store's plan lets one more email go out now, and if not why and until when.</summary>
public sealed record PlanCheck
{
    public static readonly PlanCheck Allowed = new();

    /// <summary>Why sending waits, in the API's English, or null when it may go on.</summary>
    public string? PausedReason { get; private init; }

    /// <summary>Why sending waits as a timeline reason (pages word it in their language), or null when it may go on.</summary>
    public TimelineEntry? Reason { get; private init; }

    /// <summary>When to look again: the next period, or a short while for a plan awaiting approval.</summary>
    public DateTimeOffset? RecheckAt { get; private init; }

    /// <summary>Why, as something a page can act on (approve, upgrade, choose a plan again); null when sending may go on.</summary>
    public PlanPause? Cause { get; private init; }

    public bool IsAllowed => PausedReason is null;

    public static PlanCheck Paused(TimelineEntry reason, DateTimeOffset recheckAt, PlanPause cause) =>
        new() { PausedReason = TimelineTexts.English(reason), Reason = reason, RecheckAt = recheckAt, Cause = cause };
}
