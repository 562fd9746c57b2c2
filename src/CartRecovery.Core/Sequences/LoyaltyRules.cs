using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// Chooses a step's offer for one customer under the store's <see cref="OfferPolicy"/> (counted across the stores that
/// share its sending account). The step goes out either way: only its offer is left out, and the reason goes on the
/// cart's timeline.
/// </summary>
public static class LoyaltyRules
{
    public static OfferChoice Choose(OfferSpec stepOffer, OfferPolicy policy, CustomerOfferHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stepOffer);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        if (history.LastOfferAt is { } last && now - last < TimeSpan.FromDays(policy.CooldownDays))
            return new(null, TimelineEntry.Of(TimelineCodes.OfferCooldown, TimelineArg.Instant(last), TimelineArg.Of(policy.CooldownDays)));
        if (policy.FarmingAbandons > 0 && history.PastOrders == 0 && history.AbandonedWithoutOrder >= policy.FarmingAbandons)
            return new(null, TimelineEntry.Of(TimelineCodes.OfferFarming, TimelineArg.Of(history.AbandonedWithoutOrder), TimelineArg.Of(policy.CooldownDays)));
        if (history.PastOrders > 0 && policy.ReturningCustomerOffer is { } returning)
            return new(returning, null);
        return new(stepOffer, null);
    }
}
