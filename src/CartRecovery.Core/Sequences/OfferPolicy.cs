namespace CartRecovery.Core.Sequences;

/// <summary>
/// An account's rule for offers, across all its stores: reward loyalty, not abandonment. No offer to a customer who
/// got one in the last <see cref="CooldownDays"/> days, nor to one who abandoned <see cref="FarmingAbandons"/> carts in
/// that time without ordering (abandoning to collect codes); a customer who ordered before gets
/// <see cref="ReturningCustomerOffer"/> instead of the step's offer when it is set.
/// </summary>
public sealed record OfferPolicy(int CooldownDays = 30, int FarmingAbandons = 3, OfferSpec? ReturningCustomerOffer = null)
{
    public static readonly OfferPolicy Default = new();
}
