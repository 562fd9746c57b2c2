using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// What a merchant can promise and what a customer is shown. At definition: a percentage from 1 to 100, a fixed amount
/// from 1 minor unit to <see cref="MaxFixedAmountMinor"/>. At send, a fixed amount is only issued when the platform
/// creates it in the currency the customer sees (the cart's, the buyer's and the shop's are one), and only when it is
/// less than the cart's subtotal (it never pays for the whole cart); otherwise the step goes out without the offer.
/// </summary>
public static class OfferRules
{
    /// <summary>1,000,000.00 in a currency with two decimals: far above any real recovery offer, far below an overflow.</summary>
    public const long MaxFixedAmountMinor = 100_000_000;

    /// <summary>Null when the offer may be issued for the cart; otherwise why it is left out, for the cart's timeline.</summary>
    public static TimelineEntry? WhyNotIssued(OfferSpec offer, Cart cart, Store store)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(store);
        if (offer.Kind != OfferKind.FixedAmount)
            return null;
        // Platforms create fixed-amount discounts in the shop's currency: promising "5.00 off" to a cart in another
        // currency would promise an amount the discount does not give.
        var shown = cart.PresentmentCurrency ?? cart.Currency;
        if (!SameCurrency(cart.Currency, store.Currency) || !SameCurrency(shown, store.Currency))
            return TimelineEntry.Of(TimelineCodes.OfferCurrency, TimelineArg.Of(store.Currency), TimelineArg.Of(shown));
        var subtotal = cart.SubtotalMinor > 0 ? cart.SubtotalMinor : cart.TotalMinor;
        if (offer.Value >= subtotal)
            return TimelineEntry.Of(TimelineCodes.OfferTooBig, TimelineArg.Money(offer.Value, store.Currency), TimelineArg.Money(subtotal, cart.Currency));
        return null;
    }

    private static bool SameCurrency(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
