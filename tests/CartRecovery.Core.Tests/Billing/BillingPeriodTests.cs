using CartRecovery.Core.Billing;

namespace CartRecovery.Core.Tests.Billing;

public sealed class BillingPeriodTests
{
    [Fact]
    public void Month_InTheMiddleOfAMonth_IsThatCalendarMonthInUtc()
    {
        var period = BillingPeriod.Month(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5)));

        // 23:30 at UTC-5 on the 31st is already January in UTC.
        Assert.Equal(new BillingPeriod(new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)), period);
    }

    [Fact]
    public void For_WhenShopifysPeriodEndedBeforeItsWebhookCame_RollsForwardByThirtyDays()
    {
        var end = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var subscription = new StoreSubscription { Plan = "Growth", CurrentPeriodEnd = end };

        var period = BillingPeriod.For(subscription, end.AddDays(3));

        Assert.Equal(new BillingPeriod(end, end.AddDays(30)), period);
    }

    [Fact]
    public void For_WithoutAShopifyPeriod_IsTheCalendarMonth()
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(BillingPeriod.Month(now), BillingPeriod.For(new StoreSubscription { Plan = "Free" }, now));
    }
}
