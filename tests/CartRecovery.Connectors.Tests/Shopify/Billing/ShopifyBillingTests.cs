using System.Net;
using CartRecovery.Connectors.Shopify.Billing;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Billing;

/// <summary>The Billing API client against the Shopify emulator over loopback HTTP.</summary>
public sealed class ShopifyBillingTests : IAsyncLifetime
{
    private static readonly Plan Growth = new()
    {
        Name = "Growth", TrialDays = 14, MonthlyPrice = 29m, IncludedEmails = 2000, UsagePricePerEmail = 0.01m, UsageCap = 50m,
    };

    private static readonly Uri ReturnUrl = new("https://app.example.com/billing/return?store=1");

    private ShopifyEmulator _shop = null!;
    private HttpClient _http = null!;
    private ShopifyBilling _billing = null!;
    private Store _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _shop = await ShopifyEmulator.StartAsync();
        _http = new HttpClient();
        _billing = new ShopifyBilling(EmulatorStoreApi.Create(_shop, _http), TimeProvider.System);
        _store = TestData.Store() with { Platform = Platforms.Shopify, ExternalId = _shop.ShopDomain, Currency = "USD" };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _shop.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_AsksForARecurringAndACappedUsageLine_AndWaitsForTheMerchant()
    {
        var pending = await _billing.SubscribeAsync(_store, Growth, "USD", ReturnUrl, test: true, Ct);

        Assert.Equal(SubscriptionStatus.Pending, pending.Status);
        Assert.Equal("Growth", pending.Plan);
        Assert.True(pending.Test);
        Assert.NotNull(pending.UsageLineItemId);
        Assert.StartsWith(_shop.BaseUrl.ToString(), pending.ConfirmationUrl, StringComparison.Ordinal);
        var asked = Assert.Single(_shop.AppSubscriptions);
        Assert.Equal((29m, 50m, 14), (asked.RecurringPrice, asked.CappedAmount, asked.TrialDays));
        Assert.Contains("0.01 USD per recovery email beyond 2000", asked.Terms, StringComparison.Ordinal);
        Assert.Null(await _billing.SyncAsync(_store, Ct));
    }

    [Fact]
    public async Task Sync_AfterTheMerchantApprovedAtTheConfirmationUrl_ReadsTheActiveSubscription()
    {
        var pending = await _billing.SubscribeAsync(_store, Growth, "USD", ReturnUrl, test: true, Ct);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var approval = await browser.GetAsync(new Uri(pending.ConfirmationUrl!), Ct);

        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        Assert.StartsWith("https://app.example.com/billing/return?store=1&charge_id=", approval.Headers.Location!.ToString(), StringComparison.Ordinal);
        var active = await _billing.SyncAsync(_store, Ct);
        Assert.NotNull(active);
        Assert.Equal((SubscriptionStatus.Active, pending.ExternalId, pending.UsageLineItemId), (active.Status, active.ExternalId, active.UsageLineItemId));
        Assert.NotNull(active.CurrentPeriodEnd);
    }

    [Fact]
    public async Task RecordUsage_ChargesOncePerKey_AndShopifyRefusesWhatPassesTheCap()
    {
        var pending = await _billing.SubscribeAsync(_store, Growth, "USD", ReturnUrl, test: true, Ct);
        _shop.AnswerAppSubscription(pending.ExternalId!);
        var active = (await _billing.SyncAsync(_store, Ct))!;

        await _billing.RecordUsageAsync(_store, active, 30m, "USD", "3000 recovery emails beyond the 2000 included", "key-1", Ct);
        await _billing.RecordUsageAsync(_store, active, 30m, "USD", "the same charge, retried", "key-1", Ct);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _billing.RecordUsageAsync(_store, active, 30m, "USD", "3000 more", "key-2", Ct));

        Assert.Contains("Total price exceeds balance remaining", refused.Message, StringComparison.Ordinal);
        var subscription = Assert.Single(_shop.AppSubscriptions);
        Assert.Equal(30m, subscription.BalanceUsed);
        Assert.Single(subscription.UsageRecords);
    }

    [Fact]
    public async Task Sync_AfterTheAppWasUninstalled_FindsNoActiveSubscription()
    {
        var pending = await _billing.SubscribeAsync(_store, Growth, "USD", ReturnUrl, test: true, Ct);
        _shop.AnswerAppSubscription(pending.ExternalId!);

        _shop.CancelAppSubscriptions();

        Assert.Null(await _billing.SyncAsync(_store, Ct));
    }

    [Fact]
    public async Task Subscribe_ToAFreePlan_IsAMistakeOfTheCaller()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _billing.SubscribeAsync(_store, new Plan { Name = "Free", IncludedEmails = 100 }, "USD", ReturnUrl, test: false, Ct));
        Assert.Empty(_shop.AppSubscriptions);
    }
}
