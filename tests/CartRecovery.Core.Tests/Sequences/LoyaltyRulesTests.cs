using CartRecovery.Testing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class LoyaltyRulesTests
{
    private static readonly DateTimeOffset Now = TestData.Now;
    private static readonly OfferSpec TenPercent = new(OfferKind.Percentage, 10, TimeSpan.FromDays(2));
    private static readonly OfferSpec FreeShipping = new(OfferKind.FreeShipping, 0, TimeSpan.FromDays(2));

    [Fact]
    public void Choose_ANewCustomer_GetsTheStepsOffer() =>
        Assert.Equal(new OfferChoice(TenPercent, null), LoyaltyRules.Choose(TenPercent, OfferPolicy.Default, CustomerOfferHistory.FirstVisit, Now));

    [Fact]
    public void Choose_AnOfferSentTwentyNineDaysAgo_LeavesTheOfferOut_WithTheDate()
    {
        var history = CustomerOfferHistory.FirstVisit with { LastOfferAt = Now.AddDays(-29) };

        var choice = LoyaltyRules.Choose(TenPercent, OfferPolicy.Default, history, Now);

        Assert.Null(choice.Offer);
        Assert.Equal($"this customer was sent an offer on {Now.AddDays(-29):yyyy-MM-dd HH:mm:ss}Z, within the last 30 days", TimelineTexts.English(choice.WhyNot!));
    }

    [Fact]
    public void Choose_AnOfferSentThirtyDaysAgo_OffersAgain() =>
        Assert.Equal(TenPercent, LoyaltyRules.Choose(TenPercent, OfferPolicy.Default,
            CustomerOfferHistory.FirstVisit with { LastOfferAt = Now.AddDays(-30) }, Now).Offer);

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Choose_ACustomerWhoAbandonsAgainAndAgain_GetsNoOfferFromTheThirdCart(int abandoned, bool offered)
    {
        var choice = LoyaltyRules.Choose(TenPercent, OfferPolicy.Default, new CustomerOfferHistory(null, abandoned, 0), Now);

        Assert.Equal(offered, choice.Offer is not null);
        Assert.Equal(offered, choice.WhyNot is null);
    }

    [Fact]
    public void Choose_WithFarmingOff_OffersToACustomerWhoAbandonsOften() =>
        Assert.Equal(TenPercent, LoyaltyRules.Choose(TenPercent, OfferPolicy.Default with { FarmingAbandons = 0 }, new CustomerOfferHistory(null, 9, 0), Now).Offer);

    [Fact]
    public void Choose_WithNoCooldown_OffersAgainTheNextDay() =>
        Assert.Equal(TenPercent, LoyaltyRules.Choose(TenPercent, OfferPolicy.Default with { CooldownDays = 0 },
            CustomerOfferHistory.FirstVisit with { LastOfferAt = Now.AddDays(-1) }, Now).Offer);

    [Fact]
    public void Choose_AReturningCustomer_GetsTheReturningOffer_AndIsNotTakenForAFarmer()
    {
        var policy = OfferPolicy.Default with { ReturningCustomerOffer = FreeShipping };

        var choice = LoyaltyRules.Choose(TenPercent, policy, new CustomerOfferHistory(null, 4, 2), Now);

        Assert.Equal(new OfferChoice(FreeShipping, null), choice);
    }

    [Fact]
    public void Choose_AReturningCustomerWithoutAReturningOffer_GetsTheStepsOffer() =>
        Assert.Equal(TenPercent, LoyaltyRules.Choose(TenPercent, OfferPolicy.Default, new CustomerOfferHistory(null, 1, 5), Now).Offer);
}
