using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Reasons;

/// <summary>
/// Records a cart's reason for leaving and has the sequence answer it, whichever way the reason came (the first email's
/// link, the storefront's exit question): the first reason of a cart wins, its plan (<see cref="ReasonBranching"/>) is
/// applied in the same transaction, and a payment problem gets a follow-up task for a person at once. A reason given
/// before the cart was abandoned is answered when the cart enrols.
/// </summary>
public sealed partial class ReasonAnswering(
    ILeaveReasonRepository reasons,
    IMessageRepository messages,
    IFollowUpTaskRepository tasks,
    TimeProvider time,
    ILogger<ReasonAnswering> logger)
{
    /// <summary>
    /// Called once a cart has enrolled: a reason the shopper gave before it was abandoned (<see cref="ReasonCapture.GiveFromStorefrontAsync"/>)
    /// now changes the steps just planned, as it would have had it come from the first email.
    /// </summary>
    public async Task AnswerAtEnrolmentAsync(Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (await reasons.GetAsync(cart.Id, ct) is not { } reason)
            return;
        var now = time.GetUtcNow();
        var planned = await messages.ListForCartAsync(cart.Id, ct);
        var plan = ReasonBranching.Plan(reason, planned, now);
        var entry = TimelineEntry.Of(TimelineCodes.EarlierReasonAnswered, TimelineArg.Of(TimelineCodes.Leave(reason)), TimelineArg.Of(plan.Timeline));
        await reasons.AnswerAsync(cart.Id, plan, new CartEvent(cart.Id, now, CartEventKinds.ReasonGiven, entry), ct);
        await FollowUpAsync(cart, FirstStep(planned), plan, now, ct);
    }

    /// <summary>
    /// Records <paramref name="reason"/> for the cart unless it has one and answers it; false, with nothing changed, when
    /// the cart had a reason already. <paramref name="messageId"/> is the email whose link was clicked, if any.
    /// </summary>
    public async Task<bool> RecordAsync(Cart cart, long? messageId, LeaveReason reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var planned = cart.Status is CartStatus.Abandoned ? await messages.ListForCartAsync(cart.Id, ct) : [];
        var plan = cart.Status switch
        {
            CartStatus.Abandoned => ReasonBranching.Plan(reason, planned, now),
            CartStatus.Active => ReasonBranching.BeforeEnrolment,
            _ => ReasonBranching.Closed(cart.Status),
        };
        var entry = TimelineEntry.Of(TimelineCodes.ReasonGiven, TimelineArg.Of(TimelineCodes.Leave(reason)), TimelineArg.Of(plan.Timeline));
        var given = new GivenReason(cart.StoreId, cart.Id, messageId, reason, now);
        if (!await reasons.RecordAsync(given, plan, new CartEvent(cart.Id, now, CartEventKinds.ReasonGiven, entry, messageId), ct))
            return false;
        await FollowUpAsync(cart, messageId ?? FirstStep(planned), plan, now, ct);
        Log.ReasonGiven(logger, reason, cart.Id, cart.StoreId);
        return true;
    }

    // A task belongs to a message (one per message): the link's email, else the cart's first step. A cart with no step
    // (its store's sequences matched none) has nobody planned to follow it up.
    private async Task FollowUpAsync(Cart cart, long? messageId, ReasonPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        if (!plan.FollowUpNow || messageId is not { } id)
            return;
        await tasks.CreateAsync(new FollowUpTask
        {
            StoreId = cart.StoreId, CartId = cart.Id, MessageId = id, CreatedAt = now,
            Summary = $"Payment problem: help {cart.Contact.Email ?? cart.Contact.Phone ?? "the customer"} finish an order of {Money.Format(cart.TotalMinor, cart.Currency)}",
        }, ct);
    }

    private static long? FirstStep(IReadOnlyList<OutboundMessage> planned) =>
        planned.Count == 0 ? null : planned.MinBy(m => m.Step)!.Id;

    private static partial class Log
    {
        [LoggerMessage(1404, LogLevel.Information, "Customer gave reason {Reason} for leaving cart {CartId} of store {StoreId}")]
        public static partial void ReasonGiven(ILogger logger, LeaveReason reason, long cartId, long storeId);
    }
}
