using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Recovery;

/// <summary>What <see cref="SendingRules"/> says about one due email: send it, let it wait, or cancel it.</summary>
public sealed record SendingDecision
{
    public static readonly SendingDecision Send = new();

    /// <summary>Set when the email must wait (quiet hours): it is due again at this instant, and no attempt is used.</summary>
    public DateTimeOffset? WaitUntil { get; private init; }

    /// <summary>Set when the email must not go out at all (frequency cap, consent, empty cart).</summary>
    public TimelineEntry? CancelReason { get; private init; }

    /// <summary>Why the email waits or is cancelled, for the cart's timeline.</summary>
    public TimelineEntry? Reason { get; private init; }

    public static SendingDecision Wait(DateTimeOffset until, TimelineEntry reason) => new() { WaitUntil = until, Reason = reason };

    public static SendingDecision Cancel(TimelineEntry reason) => new() { CancelReason = reason, Reason = reason };
}
