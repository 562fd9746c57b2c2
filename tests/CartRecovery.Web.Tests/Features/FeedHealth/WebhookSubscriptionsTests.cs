using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Storefronts;
using CartRecovery.Jobs.FeedHealth;
using CartRecovery.Web.Tests.Features.Shopify;
using CartRecovery.Web.Tests.Features.WooCommerce;

namespace CartRecovery.Web.Tests.Features.FeedHealth;

/// <summary>
/// The periodic feed check against the Shopify and WooCommerce emulators: a subscription deleted at the platform (by the
/// merchant, another app, or the platform after failed deliveries) is listed as missing and re-created, so webhooks keep
/// coming; nothing is re-created while everything is there.
/// </summary>
public sealed class WebhookSubscriptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_AShopifySubscriptionDeletedAtTheShop_IsCreatedAgain()
    {
        await using var host = await ShopifyHost.StartAsync();
        var store = await host.InstalledStoreAsync();
        var installed = host.Shopify.WebhookSubscriptions.Select(s => s.Topic).Order(StringComparer.Ordinal).ToList();
        var deleted = host.Shopify.WebhookSubscriptions.Single(s => s.Topic == "CHECKOUTS_UPDATE");
        Assert.True(host.Shopify.DeleteWebhookSubscription(deleted.Id));

        await host.App.Service<FeedAlarms>().CheckAllAsync(Ct);

        Assert.Equal(installed, host.Shopify.WebhookSubscriptions.Select(s => s.Topic).Order(StringComparer.Ordinal).ToList());
        var again = host.Shopify.WebhookSubscriptions.Single(s => s.Topic == "CHECKOUTS_UPDATE");
        Assert.NotEqual(deleted.Id, again.Id);
        Assert.Equal(new Uri(host.BaseUrl, "webhooks/shopify"), again.Uri);
        Assert.Empty(await host.App.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
    }

    [Fact]
    public async Task Check_WithEveryShopifySubscriptionInPlace_CreatesNothing()
    {
        await using var host = await ShopifyHost.StartAsync();
        var store = await host.InstalledStoreAsync();
        var before = host.Shopify.WebhookSubscriptions.Select(s => s.Id).ToList();

        var check = await host.App.Service<StoreFeeds>().SubscriptionsOf(store)!.EnsureAsync(store, Ct);

        Assert.Equal(SubscriptionCheck.AllPresent, check);
        Assert.Equal(before, host.Shopify.WebhookSubscriptions.Select(s => s.Id).ToList());
    }

    [Fact]
    public async Task Check_AWooCommerceWebhookDeletedInWpAdmin_IsCreatedAgainWithTheStoresSecret()
    {
        await using var host = await WooCommerceHost.StartAsync();
        var (_, store) = await host.ConnectAsync();
        Assert.NotNull(store);
        var secret = host.Shop.Webhooks[0].Secret;
        var deleted = host.Shop.Webhooks.Single(w => w.Topic == "order.updated");
        Assert.True(host.Shop.DeleteWebhook(deleted.Id));

        await host.App.Service<FeedAlarms>().CheckAllAsync(Ct);

        Assert.Equal(["order.created", "order.deleted", "order.updated"], host.Shop.Webhooks.Select(w => w.Topic).Order(StringComparer.Ordinal));
        var again = host.Shop.Webhooks.Single(w => w.Topic == "order.updated");
        Assert.NotEqual(deleted.Id, again.Id);
        Assert.Equal(("active", secret, $"{host.BaseUrl}webhooks/woocommerce/{store.Id}"), (again.Status, again.Secret, again.DeliveryUrl));
        var ids = await host.App.Service<IConnectorStateRepository>().GetAsync(store.Id, "woocommerce:webhooks", Ct);
        Assert.Equal(host.Shop.Webhooks.Select(w => w.Id).Order(), ids!.Split(',').Select(long.Parse).Order());
    }

    [Fact]
    public async Task Check_AWooCommerceWebhookDisabledAfterFailedDeliveries_IsReplacedByAnActiveOne()
    {
        await using var host = await WooCommerceHost.StartAsync();
        var (_, store) = await host.ConnectAsync();
        Assert.NotNull(store);
        var disabled = host.Shop.Webhooks.Single(w => w.Topic == "order.created");
        host.Shop.DisableWebhook(disabled.Id);

        await host.App.Service<FeedAlarms>().CheckAllAsync(Ct);

        Assert.Equal(3, host.Shop.Webhooks.Count);
        Assert.All(host.Shop.Webhooks, w => Assert.Equal("active", w.Status));
        Assert.DoesNotContain(host.Shop.Webhooks, w => w.Id == disabled.Id);
    }
}
