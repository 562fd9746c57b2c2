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
/// What happens when a customer follows a "why did you leave?" link (<c>/why/{token}?r=shipping</c>): the token is
/// checked, the cart's first reason is recorded, and the sequence answers it (<see cref="ReasonBranching"/>) in the
/// same transaction, so a second click or a replayed link changes nothing more. A payment problem then gets a
/// follow-up task for a person at once.
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

        var now = time.GetUtcNow();
        var open = cart.Status == CartStatus.Abandoned;
        var plan = open ? ReasonBranching.Plan(answer.Reason, await messages.ListForCartAsync(cart.Id, ct), now) : ReasonBranching.Closed(cart.Status);
        var entry = TimelineEntry.Of(TimelineCodes.ReasonGiven, TimelineArg.Of(TimelineCodes.Leave(answer.Reason)), TimelineArg.Of(plan.Timeline));
        var given = new GivenReason(cart.StoreId, cart.Id, message.Id, answer.Reason, now);
        if (!await reasons.RecordAsync(given, plan, new CartEvent(cart.Id, now, CartEventKinds.ReasonGiven, entry, message.Id), ct))
            return answer with { AlreadyGiven = true };

        if (plan.FollowUpNow)
            await tasks.CreateAsync(new FollowUpTask
            {
                StoreId = cart.StoreId, CartId = cart.Id, MessageId = message.Id, CreatedAt = now,
                Summary = $"Payment problem: help {cart.Contact.Email ?? cart.Contact.Phone ?? "the customer"} finish an order of {Money.Format(cart.TotalMinor, cart.Currency)}",
            }, ct);
        Log.ReasonGiven(logger, answer.Reason, cart.Id, cart.StoreId);
        return answer with { Recorded = true };
    }

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
