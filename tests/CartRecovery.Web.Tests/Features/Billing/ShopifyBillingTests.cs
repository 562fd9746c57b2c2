using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Billing;
using CartRecovery.Jobs.Billing;
using CartRecovery.Web.Tests.Features.Shopify;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests.Features.Billing;

/// <summary>
/// A Shopify merchant's plan from start to end through the real host against the Shopify emulator: choosing a plan asks
/// Shopify for a subscription with a recurring and a capped usage line, the merchant approves it at Shopify's
/// confirmation page and comes back to <c>/billing/return</c>, the hourly job charges the emails beyond the plan as
/// usage records, and uninstalling the app ends the subscription.
/// </summary>
public sealed class ShopifyBillingTests : IAsyncLifetime
{
    private ShopifyHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ShopifyHost.StartAsync(new Dictionary<string, string?>
    {
        ["Billing:Enabled"] = "true",
        ["Billing:DefaultPlan"] = "Starter",
        ["Billing:Plans:0:Name"] = "Starter",
        ["Billing:Plans:0:IncludedEmails"] = "0",
        ["Billing:Plans:1:Name"] = "Growth",
        ["Billing:Plans:1:MonthlyPrice"] = "29",
        ["Billing:Plans:1:IncludedEmails"] = "1",
        ["Billing:Plans:1:UsagePricePerEmail"] = "0.05",
        ["Billing:Plans:1:UsageCap"] = "10",
    });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }

    private static CancellationToken Ct => ShopifyHost.Ct;

    [Fact]
    public async Task Plan_ApprovedAtShopify_ChargesUsageBeyondThePlan_AndEndsWithTheUninstall()
    {
        var store = await _host.InstalledStoreAsync();
        using var admin = new HttpClient { BaseAddress = _host.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);

        // Choosing the plan: Shopify holds a pending subscription and the merchant is sent to approve it.
        using var chosen = await admin.PutAsJsonAsync($"/api/stores/{store.Id}/billing", new { plan = "Growth" }, Ct);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        using var choice = JsonDocument.Parse(await chosen.Content.ReadAsStringAsync(Ct));
        var confirmation = new Uri(choice.RootElement.GetProperty("confirmationUrl").GetString()!);
        var pending = Assert.Single(_host.Shopify.AppSubscriptions);
        Assert.Equal(("Growth", "PENDING", 29m, 10m), (pending.Name, pending.Status, pending.RecurringPrice, pending.CappedAmount));

        var approved = await _host.Browser.GetAsync(confirmation, Ct);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var back = await _host.Browser.GetAsync(approved.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("ACTIVE", _host.Shopify.AppSubscriptions[0].Status);
        var subscriptions = _host.App.Service<ISubscriptionRepository>();
        Assert.Equal(("Growth", SubscriptionStatus.Active), await PlanOfAsync(subscriptions, store.Id));

        // Two emails go out; the plan includes one: the job charges the other as one usage record, once.
        _host.AddBootsCheckout();
        await _host.AbandonAndSendTwoStepsAsync(7001);
        var job = ActivatorUtilities.CreateInstance<ChargeUsageJob>(_host.App.Services);
        Assert.Equal(1, await job.ChargeAsync(Ct));
        Assert.Equal(0, await job.ChargeAsync(Ct));
        var usage = Assert.Single(_host.Shopify.AppSubscriptions[0].UsageRecords);
        Assert.Equal(0.05m, usage.Amount);

        // Uninstalling: Shopify cancels the subscription and tells us; the store's plan ends.
        _host.Shopify.CancelAppSubscriptions();
        Assert.Equal([HttpStatusCode.OK], await _host.Shopify.TriggerWebhookAsync("app/uninstalled", _host.Shopify.AppUninstalledPayload()));
        await _host.ProcessWebhooksAsync();
        Assert.Equal(SubscriptionStatus.Cancelled, (await subscriptions.GetAsync(store.Id, Ct))!.Status);
    }

    private static async Task<(string, SubscriptionStatus)> PlanOfAsync(ISubscriptionRepository subscriptions, long storeId) =>
        (await subscriptions.GetAsync(storeId, Ct)) is { } s ? (s.Plan, s.Status) : ("", default);
}
