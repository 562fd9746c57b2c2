using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Reasons;

/// <summary>
/// What happens when a customer follows a "why did you leave?" link (<c>/why/{token}?r=shipping</c>) or answers the
/// capture script's exit question on the storefront: the cart's first reason is recorded, and the sequence answers it
/// (<see cref="ReasonBranching"/>) in the same transaction, so a second click or a replayed link changes nothing more.
/// A payment problem then gets a follow-up task for a person at once.
/// </summary>
public sealed partial class ReasonCapture(
    LinkTokenSigner signer,
    LinkBuilder links,
    IMessageRepository messages,
    ICartRepository carts,
    IStoreRepository stores,
    ILeaveReasonRepository reasons,
    IFollowUpTaskRepository tasks,
    TimeProvider time,
    ILogger<ReasonCapture> logger)
{
    /// <summary>Checks the link and says what its page shows, writing nothing (for a request that may not be a person's click).</summary>
    public async Task<ReasonAnswer> CheckAsync(string token, string? reasonWord, CancellationToken ct)
    {
        var (answer, _, _) = await ReadAsync(token, reasonWord, ct);
        return answer;
    }

    /// <summary>Checks the link, records its reason unless the cart has one, and answers it.</summary>
    public async Task<ReasonAnswer> GiveAsync(string token, string? reasonWord, CancellationToken ct)
    {
        var (answer, message, cart) = await ReadAsync(token, reasonWord, ct);
        if (answer.Outcome != ReasonOutcome.Valid || answer.AlreadyGiven || message is null || cart is null)
            return answer;
        return await RecordAsync(cart, message.Id, answer.Reason, ct) ? answer with { Recorded = true } : answer with { AlreadyGiven = true };
    }

    /// <summary>
    /// The capture script's exit question: the shopper of the store's cart <paramref name="externalId"/> answered on the
    /// storefront. Recorded and answered exactly like a link's reason (the first reason of a cart wins, whichever way it
    /// came); a cart not abandoned yet keeps it until it enrols (<see cref="AnswerAtEnrolmentAsync"/>). False when the
    /// store has no such cart or the cart had a reason already: nothing changes then.
    /// </summary>
    public async Task<bool> GiveFromStorefrontAsync(long storeId, string externalId, LeaveReason reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (!Enum.IsDefined(reason))
            throw new ArgumentOutOfRangeException(nameof(reason));
        var cart = await carts.FindAsync(storeId, externalId, ct);
        return cart is not null && await RecordAsync(cart, null, reason, ct);
    }

    /// <summary>
    /// Called once a cart has enrolled: a reason the shopper gave before it was abandoned (<see cref="GiveFromStorefrontAsync"/>)
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

    // One path for every way a reason arrives: record it once, answer it in the same transaction, call if asked to.
    private async Task<bool> RecordAsync(Cart cart, long? messageId, LeaveReason reason, CancellationToken ct)
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

    private async Task<(ReasonAnswer, OutboundMessage?, Cart?)> ReadAsync(string token, string? reasonWord, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var check = signer.Check(token, TokenPurpose.Reason, now);
        if (check.State == TokenState.Invalid || LeaveReasonSlugs.Parse(reasonWord) is not { } reason)
            return (ReasonAnswer.Invalid, null, null);
        var message = await messages.GetAsync(check.MessageId, ct);
        var cart = message is null ? null : await carts.GetAsync(message.CartId, ct);
        var store = message is null ? null : await stores.GetAsync(message.StoreId, ct);
        if (message is null || cart is null || store is null)
            return (ReasonAnswer.Invalid, null, null);

        var answer = new ReasonAnswer(check.State == TokenState.Valid ? ReasonOutcome.Valid : ReasonOutcome.Expired)
        {
            StoreName = store.Name,
            StoreUrl = OutboundUrlPolicy.IsWebLink(store.StorefrontUrl) ? store.StorefrontUrl : null,
            LogoUrl = OutboundUrlPolicy.IsWebLink(store.LogoUrl) ? store.LogoUrl : null,
            BrandColor = store.BrandColor,
            Locale = string.IsNullOrWhiteSpace(cart.Contact.Locale) ? store.Locale : cart.Contact.Locale.Trim(),
            Reason = reason,
        };
        if (answer.Outcome != ReasonOutcome.Valid)
            return (answer, message, cart);
        return (answer with
        {
            RestoreUrl = links.Restore(message.Id, now),
            AlreadyGiven = await reasons.GetAsync(cart.Id, ct) is not null,
        }, message, cart);
    }

    private static partial class Log
    {
        [LoggerMessage(1404, LogLevel.Information, "Customer gave reason {Reason} for leaving cart {CartId} of store {StoreId}")]
        public static partial void ReasonGiven(ILogger logger, LeaveReason reason, long cartId, long storeId);
    }
}
