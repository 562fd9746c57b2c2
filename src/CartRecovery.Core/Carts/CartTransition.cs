using CartRecovery.Core.Messages;

namespace CartRecovery.Core.Carts;

/// <summary>
/// A decided lifecycle move of one cart, decided by <see cref="CartTransitionRules"/>: the status the cart must still
/// hold (<see cref="From"/>, so the move applies at most once), the status it takes, its side effects on the cart's
/// messages and the timeline entry that records it. A store applies it in one transaction or not at all.
/// </summary>
public sealed record CartTransition(long CartId, CartStatus From, CartStatus To, CartEvent Event)
{
    /// <summary>Messages scheduled by the move, all pending with no attempts (an abandonment's plan).</summary>
    public IReadOnlyList<OutboundMessage> Schedule { get; init; } = [];

    /// <summary>Why the cart's pending and claimed messages are cancelled; null when the move keeps them.</summary>
    public string? CancelMessagesReason { get; init; }

    /// <summary>The order a conversion records; null for every other move.</summary>
    public CartConversion? Conversion { get; init; }
}
