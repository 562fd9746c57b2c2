using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Reasons;

/// <summary>
/// How a cart's pending messages change after the customer gave a reason: messages to cancel, messages to send
/// earlier (id → new due time), offers to replace (id → offer), and whether a person should call now.
/// <see cref="Timeline"/> says what changed, for the cart's timeline; <see cref="CancelReason"/> why messages were cancelled.
/// </summary>
public sealed record ReasonPlan(
    IReadOnlyList<long> Cancel,
    IReadOnlyDictionary<long, DateTimeOffset> Reschedule,
    IReadOnlyDictionary<long, OfferSpec> ReplaceOffer,
    bool FollowUpNow,
    TimelineEntry Timeline)
{
    /// <summary>Why <see cref="Cancel"/>'s messages are cancelled (their last error); <see cref="Timeline"/> when not set.</summary>
    public TimelineEntry? CancelReason { get; init; }

    public bool ChangesNothing => Cancel.Count == 0 && Reschedule.Count == 0 && ReplaceOffer.Count == 0 && !FollowUpNow;
}
