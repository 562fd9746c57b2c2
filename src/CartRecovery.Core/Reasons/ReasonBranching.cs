using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Reasons;

/// <summary>
/// Answers the reason a customer gave with the sequence's next steps: shipping cost → the next email offers free
/// shipping; total price → the next offer step comes now (within <see cref="OfferSoonest"/>) instead of later;
/// payment problem → a person on the merchant's team calls at once (instead of the sequence's later task); just looking → no more messages. Needing time,
/// comparing and other reasons leave the sequence as it was planned.
/// </summary>
public static class ReasonBranching
{
    /// <summary>The earliest an offer brought forward goes out: long enough after the click not to feel like a reflex.</summary>
    public static readonly TimeSpan OfferSoonest = TimeSpan.FromMinutes(30);

    /// <summary>How long the free-shipping code given for a shipping-cost reason stays valid.</summary>
    public static readonly TimeSpan FreeShippingValidFor = TimeSpan.FromDays(2);

    /// <param name="pending">The cart's messages still pending, in any order.</param>
    public static ReasonPlan Plan(LeaveReason reason, IReadOnlyList<OutboundMessage> pending, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var upcoming = pending.Where(m => m.Status == MessageStatus.Pending).OrderBy(m => m.DueAt).ThenBy(m => m.Step).ToList();
        var customerFacing = upcoming.Where(m => m.Kind != StepKind.FollowUpTask).ToList();
        return reason switch
        {
            LeaveReason.ShippingCost when customerFacing.FirstOrDefault(m => m.Kind == StepKind.Email) is { } next =>
                Unchanged(TimelineEntry.Of(TimelineCodes.FreeShippingNext, TimelineArg.Of(next.Step))) with
                {
                    ReplaceOffer = new Dictionary<long, OfferSpec> { [next.Id] = new(OfferKind.FreeShipping, 0, FreeShippingValidFor) },
                },
            LeaveReason.TotalPrice when customerFacing.FirstOrDefault(m => m.Offer is not null) is { } offer && offer.DueAt > now + OfferSoonest =>
                Unchanged(TimelineEntry.Of(TimelineCodes.OfferBroughtForward, TimelineArg.Of(offer.Step), TimelineArg.Instant(now + OfferSoonest))) with
                {
                    CancelReason = TimelineEntry.Of(TimelineCodes.OvertakenByOffer),
                    // Steps between now and the offer would arrive after it: the offer replaces them.
                    Cancel = customerFacing.TakeWhile(m => m.Id != offer.Id).Select(m => m.Id).ToList(),
                    Reschedule = new Dictionary<long, DateTimeOffset> { [offer.Id] = now + OfferSoonest },
                },
            // The person who calls now replaces the sequence's own later task: one call, not two.
            LeaveReason.PaymentProblem => Unchanged(TimelineEntry.Of(TimelineCodes.FollowUpNow)) with
            {
                FollowUpNow = true,
                Cancel = upcoming.Where(m => m.Kind == StepKind.FollowUpTask).Select(m => m.Id).ToList(),
                CancelReason = TimelineEntry.Of(TimelineCodes.FollowUpNow),
            },
            LeaveReason.JustLooking => Unchanged(TimelineEntry.Of(TimelineCodes.JustLooking)) with
            {
                Cancel = upcoming.Select(m => m.Id).ToList(),
                CancelReason = TimelineEntry.Of(TimelineCodes.JustLooking),
            },
            _ => Unchanged(TimelineEntry.Of(TimelineCodes.ContinuesAsPlanned)),
        };
    }

    /// <summary>The plan for a cart whose sequence is over (it converted, expired or opted out): the reason changes nothing.</summary>
    public static ReasonPlan Closed(CartStatus status) => Unchanged(TimelineEntry.Of(TimelineCodes.SequenceOver, TimelineArg.Of(TimelineCodes.Status(status))));

    /// <summary>
    /// The plan for a cart not abandoned yet (the shopper answered the capture script's exit question): nothing is planned
    /// to change, so the reason waits and is answered when the cart enrols.
    /// </summary>
    public static ReasonPlan BeforeEnrolment { get; } = Unchanged(TimelineEntry.Of(TimelineCodes.AnsweredAtEnrolment));

    private static ReasonPlan Unchanged(TimelineEntry timeline) =>
        new([], new Dictionary<long, DateTimeOffset>(), new Dictionary<long, OfferSpec>(), false, timeline);
}
