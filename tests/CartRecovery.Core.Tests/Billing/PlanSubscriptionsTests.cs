using CartRecovery.Core.Billing;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Billing;

public sealed class PlanSubscriptionsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Uri ReturnUrl = new("https://app.example.com/billing/return");
    private static readonly Plan Free = new() { Name = "Free", IncludedEmails = 100 };
    private static readonly Plan Growth = new() { Name = "Growth", MonthlyPrice = 29m, IncludedEmails = 1000, UsagePricePerEmail = 0.01m, UsageCap = 50m };

    private readonly BillingOptions _options = new() { Enabled = true, DefaultPlan = "Free", Plans = [Free, Growth] };
    private readonly Mock<ISubscriptionRepository> _subscriptions = new();
    private readonly Mock<IMessageRepository> _messages = new();
    private readonly Mock<IPlatformBilling> _shopify = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private StoreSubscription? _stored;

    private static readonly Store ShopifyStore = TestData.Store() with { Platform = Platforms.Shopify };

    public PlanSubscriptionsTests()
    {
        _shopify.SetupGet(b => b.Platform).Returns(Platforms.Shopify);
        _subscriptions.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(() => _stored);
        _subscriptions.Setup(s => s.UpsertAsync(It.IsAny<StoreSubscription>(), Ct)).Callback((StoreSubscription s, CancellationToken _) => _stored = s);
    }

    private PlanSubscriptions Create() =>
        new(_options, _subscriptions.Object, new PlanGate(_options, _subscriptions.Object, _messages.Object, [_shopify.Object], _time),
            _messages.Object, [_shopify.Object], _time);

    private static StoreSubscription Active(decimal charged = 0, DateTimeOffset? chargedPeriodEnd = null) => new()
    {
        StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Active, ExternalId = "gid://shopify/AppSubscription/7",
        UsageLineItemId = "gid://shopify/AppSubscriptionLineItem/7?v=1&index=1", CurrentPeriodEnd = TestData.Now.AddDays(10),
        UsageCharged = charged, UsagePeriodEnd = chargedPeriodEnd,
    };

    [Fact]
    public async Task Choose_AFreePlan_AppliesAtOnceWithoutAskingShopify()
    {
        var approval = await Create().ChooseAsync(ShopifyStore, "free", ReturnUrl, Ct);

        Assert.Null(approval);
        Assert.Equal(("Free", SubscriptionStatus.Active), (_stored!.Plan, _stored.Status));
        _shopify.Verify(b => b.SubscribeAsync(It.IsAny<Store>(), It.IsAny<Plan>(), It.IsAny<string>(), It.IsAny<Uri>(), It.IsAny<bool>(), Ct), Times.Never);
    }

    [Fact]
    public async Task Choose_APaidPlanOfAnInvoicedStore_AppliesAtOnce()
    {
        Assert.Null(await Create().ChooseAsync(TestData.Store(), "Growth", ReturnUrl, Ct));
        Assert.Equal(("Growth", SubscriptionStatus.Active), (_stored!.Plan, _stored.Status));
    }

    [Fact]
    public async Task Choose_APaidShopifyPlan_ReturnsShopifysApprovalUrlAndKeepsTheActivePlanUntilApproved()
    {
        _stored = new StoreSubscription { StoreId = 1, Plan = "Free", Status = SubscriptionStatus.Active };
        _shopify.Setup(b => b.SubscribeAsync(ShopifyStore, Growth, "USD", ReturnUrl, false, Ct)).ReturnsAsync(new StoreSubscription
        {
            StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Pending, ConfirmationUrl = "https://shop.example/admin/charges/7/confirm",
        });

        var approval = await Create().ChooseAsync(ShopifyStore, "Growth", ReturnUrl, Ct);

        Assert.Equal(new Uri("https://shop.example/admin/charges/7/confirm"), approval);
        Assert.Equal("Free", _stored.Plan);
    }

    [Fact]
    public async Task Sync_OfTheSameSubscription_KeepsWhatWasChargedAlready()
    {
        _stored = Active(charged: 12m, chargedPeriodEnd: TestData.Now.AddDays(10));
        _shopify.Setup(b => b.SyncAsync(ShopifyStore, Ct)).ReturnsAsync(Active() with { CurrentPeriodEnd = TestData.Now.AddDays(10) });

        var synced = await Create().SyncAsync(ShopifyStore, Ct);

        Assert.Equal(12m, synced!.UsageCharged);
    }

    [Fact]
    public async Task Sync_WhenShopifyHasNoActiveSubscriptionAnyMore_MarksOursCancelled()
    {
        _stored = Active();
        _shopify.Setup(b => b.SyncAsync(ShopifyStore, Ct)).ReturnsAsync((StoreSubscription?)null);

        Assert.Equal(SubscriptionStatus.Cancelled, (await Create().SyncAsync(ShopifyStore, Ct))!.Status);
    }

    [Fact]
    public async Task ChargeUsage_ChargesOnlyWhatWasNotChargedYet_WithAKeyNamingTheTotal()
    {
        var periodEnd = TestData.Now.AddDays(10);
        _stored = Active(charged: 2m, chargedPeriodEnd: periodEnd);
        // 1350 sent: 350 beyond the 1000 included at 0.01 = 3.50, of which 2.00 was charged.
        _messages.Setup(m => m.CountStoreEmailsSentAsync(1, periodEnd.AddDays(-30), periodEnd, Ct)).ReturnsAsync(1350);

        var charged = await Create().ChargeUsageAsync(ShopifyStore, Ct);

        Assert.Equal(1.5m, charged);
        _shopify.Verify(b => b.RecordUsageAsync(ShopifyStore, It.IsAny<StoreSubscription>(), 1.5m, "USD",
            It.Is<string>(d => d.StartsWith("350 recovery emails beyond the 1000 included", StringComparison.Ordinal)),
            It.Is<string>(k => k.EndsWith(":3.50", StringComparison.Ordinal)), Ct));
        Assert.Equal(3.5m, _stored!.UsageCharged);
    }

    [Fact]
    public async Task ChargeUsage_InANewPeriod_StartsFromNothing()
    {
        _stored = Active(charged: 50m, chargedPeriodEnd: TestData.Now.AddDays(-20));
        _messages.Setup(m => m.CountStoreEmailsSentAsync(1, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(1100);

        Assert.Equal(1m, await Create().ChargeUsageAsync(ShopifyStore, Ct));
    }

    [Fact]
    public async Task ChargeUsage_WithinTheIncludedEmails_ChargesNothing()
    {
        _stored = Active();
        _messages.Setup(m => m.CountStoreEmailsSentAsync(1, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(1000);

        Assert.Equal(0m, await Create().ChargeUsageAsync(ShopifyStore, Ct));
        _shopify.Verify(b => b.RecordUsageAsync(It.IsAny<Store>(), It.IsAny<StoreSubscription>(), It.IsAny<decimal>(), It.IsAny<string>(),
            It.IsAny<string>(), It.IsAny<string>(), Ct), Times.Never);
    }
}
