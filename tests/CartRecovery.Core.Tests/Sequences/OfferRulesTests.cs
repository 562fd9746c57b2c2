using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class OfferRulesTests
{
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);

    // Sample.Cart: one line, EUR, in a EUR shop; its subtotal is the line total.
    private static long Subtotal => Sample.Cart().SubtotalMinor;

    [Fact]
    public void WhyNotIssued_FixedAmountBelowTheSubtotalInTheShopsCurrency_IsNull() =>
        Assert.Null(OfferRules.WhyNotIssued(new OfferSpec(OfferKind.FixedAmount, Subtotal - 1, TwoDays), Sample.Cart(), TestData.Store()));

    [Fact]
    public void WhyNotIssued_FixedAmountOfTheWholeSubtotalOrMore_SaysSo()
    {
        var reason = OfferRules.WhyNotIssued(new OfferSpec(OfferKind.FixedAmount, Subtotal, TwoDays), Sample.Cart(), TestData.Store());

        Assert.Contains("off is not less than the cart's subtotal of €", TimelineTexts.English(reason!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD", null)]
    [InlineData("EUR", "USD")]
    public void WhyNotIssued_FixedAmountForACartInAnotherCurrency_SaysSo(string cartCurrency, string? buyerCurrency)
    {
        var cart = Sample.Cart() with { Currency = cartCurrency, PresentmentCurrency = buyerCurrency };

        var reason = OfferRules.WhyNotIssued(new OfferSpec(OfferKind.FixedAmount, 100, TwoDays), cart, TestData.Store());

        Assert.Contains("shop's currency (EUR)", TimelineTexts.English(reason!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OfferKind.Percentage, 100)]
    [InlineData(OfferKind.FreeShipping, 0)]
    public void WhyNotIssued_PercentageOrFreeShipping_IsNullWhateverTheCurrency(OfferKind kind, long value) =>
        Assert.Null(OfferRules.WhyNotIssued(new OfferSpec(kind, value, TwoDays), Sample.Cart() with { Currency = "USD" }, TestData.Store()));
}
