using CartRecovery.Core.Messages;

namespace CartRecovery.Core.Carts;

/// <summary>
/// The cart lifecycle's decisions, without IO: given a cart's current status and what happened, whether it moves,
/// what the move does to its messages and what the timeline says. Null means the move is not allowed (any more):
/// the event was replayed, came late or the cart is already closed, and nothing changes.
/// </summary>
public static class CartTransitionRules
{
    /// <summary>An Active cart becomes Abandoned and <paramref name="plan"/> is scheduled.</summary>
    /// <exception cref="ArgumentException">The plan holds a message of another cart.</exception>
    public static CartTransition? Abandon(long cartId, CartStatus current, DateTimeOffset abandonedAt, IReadOnlyList<OutboundMessage> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.FirstOrDefault(m => m.CartId != cartId) is { } stray)
            throw new ArgumentException($"The plan holds a message for cart {stray.CartId}, not {cartId}.", nameof(plan));
        if (!CartLifecycle.CanMove(current, CartStatus.Abandoned))
            return null;

        return new(cartId, current, CartStatus.Abandoned,
            new(cartId, abandonedAt, CartEventKinds.Abandoned, TimelineEntry.Of(TimelineCodes.Abandoned, TimelineArg.Of(plan.Count))))
        {
            Schedule = [.. plan.Select(m => m with { Status = MessageStatus.Pending, Attempts = 0 })],
        };
    }

    /// <summary>
    /// An order closes the cart as Recovered when a message earned it, else as ConvertedUnassisted, and cancels its
    /// open messages. A converted cart stays as it is (a replayed order changes nothing).
    /// </summary>
    public static CartTransition? Convert(CartStatus current, CartConversion conversion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        var recovered = conversion.Attribution.IsRecovered;
        var target = recovered ? CartStatus.Recovered : CartStatus.ConvertedUnassisted;
        if (!CartLifecycle.CanMove(current, target))
            return null;

        // The order total is shown in the cart's currency: platforms report orders in the currency of the checkout.
        var detail = recovered
            ? TimelineEntry.Of(TimelineCodes.Recovered, TimelineArg.Of(conversion.OrderId), TimelineArg.Of(conversion.Attribution.Step ?? 0))
            : TimelineEntry.Of(TimelineCodes.Converted, TimelineArg.Of(conversion.OrderId));
        return new(conversion.CartId, current, target, new(conversion.CartId, now,
            recovered ? CartEventKinds.Recovered : CartEventKinds.Converted, detail, conversion.Attribution.MessageId))
        {
            CancelMessagesReason = "the cart converted",
            Conversion = conversion,
        };
    }

    /// <summary>An open cart closes as Expired or OptedOut for <paramref name="reason"/>, cancelling its open messages.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a closing status.</exception>
    public static CartTransition? Close(long cartId, CartStatus current, CartStatus status, TimelineEntry reason, DateTimeOffset now)
    {
        if (status is not (CartStatus.Expired or CartStatus.OptedOut))
            throw new ArgumentOutOfRangeException(nameof(status), status, "A cart can only be closed as Expired or OptedOut.");
        ArgumentNullException.ThrowIfNull(reason);
        if (!CartLifecycle.CanMove(current, status))
            return null;

        var kind = status == CartStatus.OptedOut ? CartEventKinds.OptedOut : CartEventKinds.Expired;
        return new(cartId, current, status, new(cartId, now, kind, TimelineEntry.Of(TimelineCodes.Closed, TimelineArg.Of(reason))))
        {
            CancelMessagesReason = TimelineTexts.English(reason),
        };
    }

    /// <summary>
    /// A customer keeps one open cart per store: of <paramref name="openCarts"/> (the customer's open carts of one
    /// store), the newest by platform update (then by id) stays open and every older one expires, replaced by it.
    /// Carts without lines neither replace nor are replaced: emptiness has rules of its own (ingestion, enrolment).
    /// </summary>
    public static IReadOnlyList<CartTransition> Replace(IEnumerable<ReplacementCandidate> openCarts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(openCarts);
        var newestFirst = openCarts
            .Where(c => c.HasLines)
            .OrderByDescending(c => c.PlatformUpdatedAt).ThenByDescending(c => c.CartId)
            .ToList();
        if (newestFirst.Count < 2)
            return [];

        var reason = TimelineEntry.Of(TimelineCodes.Replaced, TimelineArg.Of(newestFirst[0].CartId));
        return [.. newestFirst.Skip(1)
            .Select(c => Close(c.CartId, c.Status, CartStatus.Expired, reason, now))
            .OfType<CartTransition>()];
    }

    /// <summary>The timeline entry of a merged snapshot; null when nothing changed.</summary>
    public static CartEvent? Describe(CartMergeResult merge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var cart = merge.Cart;
        TimelineArg[] contents = [TimelineArg.Of(cart.Lines.Count), TimelineArg.Money(cart.TotalMinor, cart.Currency)];
        return merge.Outcome switch
        {
            MergeOutcome.Unchanged => null,
            MergeOutcome.Created => new(cart.Id, now, CartEventKinds.Captured, TimelineEntry.Of(TimelineCodes.Captured, contents)),
            MergeOutcome.Updated => new(cart.Id, now, CartEventKinds.Updated, TimelineEntry.Of(TimelineCodes.Updated, contents)),
            _ => new(cart.Id, now, CartEventKinds.Updated, TimelineEntry.Of(TimelineCodes.LateDetails)),
        };
    }
}
