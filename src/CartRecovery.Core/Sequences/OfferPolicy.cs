namespace CartRecovery.Core.Sequences;

/// <summary>
/// A store's rule for offers, counted across the stores that share its sending account (<see cref="Stores.SendingPolicy.Account"/>):
/// reward loyalty, not abandonment. No offer to a customer who got one in the last <see cref="CooldownDays"/> days
/// (0: no cooldown), nor to one who abandoned <see cref="FarmingAbandons"/> carts in that time without ever ordering
/// (abandoning to collect codes; 0: off); a customer who ordered before gets <see cref="ReturningCustomerOffer"/>
/// instead of the step's offer when it is set (null: the step's offer for everyone).
/// </summary>
public sealed record OfferPolicy(int CooldownDays = 30, int FarmingAbandons = 3, OfferSpec? ReturningCustomerOffer = null)
{
    public static readonly OfferPolicy Default = new();
}
