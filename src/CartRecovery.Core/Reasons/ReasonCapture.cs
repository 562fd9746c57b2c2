using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Reasons;

/// <summary>
/// What happens when a customer follows a "why did you leave?" link (<c>/why/{token}?r=shipping</c>) or answers the
/// capture script's exit question on the storefront: the link's token is checked (or the store's cart found), then
/// <see cref="ReasonAnswering"/> records the cart's first reason and has the sequence answer it, so a second click or a
/// replayed link changes nothing more.
/// </summary>
public sealed class ReasonCapture(
    LinkTokenSigner signer,
    LinkBuilder links,
    IMessageRepository messages,
    ICartRepository carts,
    IStoreRepository stores,
    ILeaveReasonRepository reasons,
    ReasonAnswering answering,
    TimeProvider time)
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
        return await answering.RecordAsync(cart, message.Id, answer.Reason, ct) ? answer with { Recorded = true } : answer with { AlreadyGiven = true };
    }

    /// <summary>
    /// The capture script's exit question: the shopper of the store's cart <paramref name="externalId"/> answered on the
    /// storefront. Recorded and answered exactly like a link's reason (the first reason of a cart wins, whichever way it
    /// came); a cart not abandoned yet keeps it until it enrols (<see cref="ReasonAnswering.AnswerAtEnrolmentAsync"/>). False when the
    /// store has no such cart or the cart had a reason already: nothing changes then.
    /// </summary>
    public async Task<bool> GiveFromStorefrontAsync(long storeId, string externalId, LeaveReason reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (!Enum.IsDefined(reason))
            throw new ArgumentOutOfRangeException(nameof(reason));
        var cart = await carts.FindAsync(storeId, externalId, ct);
        return cart is not null && await answering.RecordAsync(cart, null, reason, ct);
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
}
