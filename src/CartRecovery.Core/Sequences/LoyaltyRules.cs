using System.Globalization;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// Chooses a step's offer for one customer under the account's <see cref="OfferPolicy"/>. The step goes out either
/// way: only its offer is left out, and the reason goes on the cart's timeline.
/// </summary>
public static class LoyaltyRules
{
    public static OfferChoice Choose(OfferSpec stepOffer, OfferPolicy policy, CustomerOfferHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stepOffer);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        if (history.LastOfferAt is { } last && now - last < TimeSpan.FromDays(policy.CooldownDays))
            return new(null, string.Create(CultureInfo.InvariantCulture,
                $"this customer was sent an offer on {last:yyyy-MM-dd}, within the last {policy.CooldownDays} days"));
        if (history.PastOrders == 0 && history.AbandonedWithoutOrder >= policy.FarmingAbandons)
            return new(null, string.Create(CultureInfo.InvariantCulture,
                $"this customer abandoned {history.AbandonedWithoutOrder} carts in {policy.CooldownDays} days without ordering; offers do not reward abandoning"));
        if (history.PastOrders > 0 && policy.ReturningCustomerOffer is { } returning)
            return new(returning, null);
        return new(stepOffer, null);
    }
}
