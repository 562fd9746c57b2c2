using CartRecovery.Core.Billing;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Billing;

public sealed class PlanGateTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Plan Free = new() { Name = "Free", IncludedEmails = 100 };
    private static readonly Plan Growth = new() { Name = "Growth", MonthlyPrice = 29m, IncludedEmails = 1000, UsagePricePerEmail = 0.02m, UsageCap = 10m };

    private readonly BillingOptions _options = new() { Enabled = true, DefaultPlan = "Free", Plans = [Free, Growth] };
    private readonly Mock<ISubscriptionRepository> _subscriptions = new();
    private readonly Mock<IMessageRepository> _messages = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly Mock<IPlatformBilling> _shopifyBilling = new();

    public PlanGateTests() => _shopifyBilling.SetupGet(b => b.Platform).Returns(Platforms.Shopify);

    private PlanGate Gate() => new(_options, _subscriptions.Object, _messages.Object, [_shopifyBilling.Object], _time);

    private void Sent(long count) =>
        _messages.Setup(m => m.CountStoreEmailsSentAsync(1, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(count);

    [Fact]
    public async Task Check_WhenBillingIsOff_AllowsWithoutCounting()
    {
        _options.Enabled = false;

        Assert.True((await Gate().CheckAsync(TestData.Store(), 0, Ct)).IsAllowed);
        _messages.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(99, true)]
    [InlineData(100, false)]
    public async Task Check_OnTheDefaultPlan_AllowsUpToTheIncludedEmails(long sent, bool allowed)
    {
        Sent(sent);

        var check = await Gate().CheckAsync(TestData.Store(), 0, Ct);

        Assert.Equal(allowed, check.IsAllowed);
        if (!allowed)
            Assert.Equal(TestData.Now + PlanGate.AllowanceRecheck, check.RecheckAt);
    }

    [Theory]
    [InlineData(1499, true)]
    [InlineData(1500, false)]
    public async Task Check_WithUsagePricing_AllowsAsManyMoreEmailsAsTheCapPays(long sent, bool allowed)
    {
        // 1000 included + 10.00 / 0.02 = 500 more.
        _subscriptions.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(new StoreSubscription { StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Active });
        Sent(sent);

        Assert.Equal(allowed, (await Gate().CheckAsync(TestData.Store(), 0, Ct)).IsAllowed);
    }

    [Fact]
    public async Task Check_AShopifyStoreWhosePaidPlanAwaitsApproval_PausesAndLooksAgainSoon()
    {
        _options.DefaultPlan = "Growth";
        _subscriptions.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(new StoreSubscription { StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Pending });
        Sent(0);

        var check = await Gate().CheckAsync(TestData.Store() with { Platform = Platforms.Shopify }, 0, Ct);

        Assert.False(check.IsAllowed);
        Assert.Contains("approval", check.PausedReason, StringComparison.Ordinal);
        Assert.Equal(TestData.Now + PlanGate.ApprovalRecheck, check.RecheckAt);
    }

    [Fact]
    public async Task Check_AShopifyStoreWhoseSubscriptionWasCancelled_FallsBackToTheFreeDefaultPlan()
    {
        _subscriptions.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(new StoreSubscription { StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Cancelled });
        Sent(150);

        var check = await Gate().CheckAsync(TestData.Store() with { Platform = Platforms.Shopify }, 0, Ct);

        Assert.False(check.IsAllowed);
        Assert.Contains("Free plan", check.PausedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AShopifyStore_CountsWithinShopifysThirtyDayPeriod()
    {
        var periodEnd = TestData.Now.AddDays(12);
        _subscriptions.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(new StoreSubscription
        {
            StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Active, CurrentPeriodEnd = periodEnd,
        });
        Sent(0);

        await Gate().CheckAsync(TestData.Store() with { Platform = Platforms.Shopify }, 0, Ct);

        _messages.Verify(m => m.CountStoreEmailsSentAsync(1, periodEnd.AddDays(-30), periodEnd, Ct));
    }
}
