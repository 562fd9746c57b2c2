using System.Net;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Connectors.Shopify.Webhooks;
using CartRecovery.Connectors.Tests.Shopify.Checkouts;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Webhooks;

public sealed class ShopifyWebhookHandlerTests
{
    private readonly CartPorts _carts = new();
    private readonly Mock<IStoreRepository> _stores = new();
    private readonly Mock<IPrivacyRepository> _privacy = new();

    public ShopifyWebhookHandlerTests()
    {
        UseStore(ShopifyTestKit.Store());
        _privacy.Setup(p => p.ListMessageIdsAsync(It.IsAny<long>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    private void UseStore(Store? store)
    {
        _stores.Setup(s => s.GetAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(store);
        _stores.Setup(s => s.GetRecentAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(store);
        _stores.Setup(s => s.FindAsync(Platforms.Shopify, ShopifyTestKit.Shop, It.IsAny<CancellationToken>())).ReturnsAsync(store);
    }

    private readonly Mock<ISubscriptionRepository> _subscriptions = new();
    private readonly Mock<IPlatformBilling> _billing = new();

    private ShopifyWebhookHandler Handler(ShopifyTestKit kit)
    {
        var erasure = new DataErasure(_privacy.Object, Mock.Of<IEmailTransport>());
        var lifecycle = new StoreLifecycle(_stores.Object, kit.Credentials.Object, _carts.Messages.Object, erasure,
            _subscriptions.Object, new WebhookSigners(kit.Time), kit.Time, NullLogger<StoreLifecycle>.Instance);
        var ingestion = _carts.Ingestion(kit.Time);
        _billing.SetupGet(b => b.Platform).Returns(Platforms.Shopify);
        var options = new BillingOptions();
        var billing = new PlanSubscriptions(options, _subscriptions.Object,
            new PlanGate(options, _subscriptions.Object, _carts.Messages.Object, [_billing.Object], kit.Time), _carts.Messages.Object, [_billing.Object], kit.Time);
        return new ShopifyWebhookHandler(_stores.Object, new ShopifyCartReporter(ingestion), new ShopifyImageEnricher(kit.Api()),
            ingestion, lifecycle, _privacy.Object, erasure, billing, kit.Time, NullLogger<ShopifyWebhookHandler>.Instance);
    }

    private static WebhookDelivery Delivery(string topic, string fixture, long? storeId = 1, string? shopRef = ShopifyTestKit.Shop) => new()
    {
        Id = 9,
        Platform = Platforms.Shopify,
        DeliveryId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
        Topic = topic,
        StoreId = storeId,
        ShopRef = shopRef,
        Body = ShopifyFixtures.Read(fixture),
        ReceivedAt = FixtureTime.Now,
    };

    private static HttpResponseMessage VariantImages(RecordedRequest _) => Respond.Data(new
    {
        nodes = new object[]
        {
            new { id = "gid://shopify/ProductVariant/642667041472713922", image = new { url = "https://cdn.shopify.com/files/shirt.jpg" }, product = new { onlineStoreUrl = "https://maple-goods.example.com/products/linen-shirt" } },
            new { id = "gid://shopify/ProductVariant/457924702217381134", image = (object?)null, product = new { onlineStoreUrl = (string?)null, featuredMedia = new { preview = new { image = new { url = "https://cdn.shopify.com/files/socks.jpg" } } } } },
        },
    });

    private static Cart KnownCart() => TestData.Cart() with { Id = 42, StoreId = 1, ExternalId = "981820079255243537" };

    [Fact]
    public async Task HandleAsync_CheckoutCreate_ReportsTheCartWithVariantImages()
    {
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CheckoutsCreate, "checkout_create.json"), TestContext.Current.CancellationToken);

        var snapshot = Assert.Single(_carts.Upserted);
        Assert.Equal("981820079255243537", snapshot.ExternalId);
        Assert.Equal("https://cdn.shopify.com/files/shirt.jpg", snapshot.Lines[0].ImageUrl);
        Assert.Equal("https://maple-goods.example.com/products/linen-shirt", snapshot.Lines[0].ProductUrl);
        Assert.Equal("https://cdn.shopify.com/files/socks.jpg", snapshot.Lines[1].ImageUrl);
        var lookup = Assert.Single(kit.Handler.GraphQl);
        Assert.Equal(["gid://shopify/ProductVariant/642667041472713922", "gid://shopify/ProductVariant/457924702217381134"],
            lookup.Variables.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task HandleAsync_CheckoutUpdate_ImageLookupFails_StillReportsTheCart()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Status(HttpStatusCode.Forbidden, "{\"errors\":\"access denied\"}"));

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CheckoutsUpdate, "checkout_create.json"), TestContext.Current.CancellationToken);

        var snapshot = Assert.Single(_carts.Upserted);
        Assert.All(snapshot.Lines, line => Assert.Null(line.ImageUrl));
    }

    [Fact]
    public async Task HandleAsync_CheckoutWithoutAnyIdentifier_IsDroppedWithoutRetrying()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        var delivery = Delivery(ShopifyWebhookTopics.CheckoutsUpdate, "checkout_create.json") with
        {
            Body = """{"currency":"USD","created_at":"2026-11-22T10:00:00Z","line_items":[]}""",
        };

        await Handler(kit).HandleAsync(delivery, TestContext.Current.CancellationToken);

        Assert.Empty(_carts.Upserted);
    }

    [Fact]
    public async Task HandleAsync_CheckoutForUninstalledStore_IsIgnored()
    {
        UseStore(ShopifyTestKit.Store(StoreStatus.Uninstalled));
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CheckoutsCreate, "checkout_create.json"), TestContext.Current.CancellationToken);

        Assert.Empty(_carts.Upserted);
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task HandleAsync_CheckoutDelete_ExpiresTheCartFoundById()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        _carts.Carts.Setup(c => c.FindByRefAsync(1, "981820079255243537", It.IsAny<CancellationToken>())).ReturnsAsync(KnownCart());
        _carts.Carts.Setup(c => c.CloseAsync(42, CartStatus.Expired, It.IsAny<TimelineEntry>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CheckoutsDelete, "checkout_delete.json"), TestContext.Current.CancellationToken);

        _carts.Carts.Verify(c => c.CloseAsync(42, CartStatus.Expired, It.IsAny<TimelineEntry>(), FixtureTime.Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_CheckoutDelete_FallsBackToTheCartToken()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        _carts.Carts.Setup(c => c.FindByRefAsync(1, "eeafa272cebfd4b22385bc4b645e762c", It.IsAny<CancellationToken>())).ReturnsAsync(KnownCart());
        _carts.Carts.Setup(c => c.CloseAsync(42, CartStatus.Expired, It.IsAny<TimelineEntry>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CheckoutsDelete, "checkout_delete.json"), TestContext.Current.CancellationToken);

        _carts.Carts.Verify(c => c.CloseAsync(42, CartStatus.Expired, It.IsAny<TimelineEntry>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_OrderCreate_ConvertsTheCartFoundByCheckoutToken()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        _carts.Carts.Setup(c => c.FindByRefAsync(1, "b1946ac92492d2347c6235b4d2611184", It.IsAny<CancellationToken>())).ReturnsAsync(KnownCart());
        _carts.Carts.Setup(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.OrdersCreate, "order_create.json"), TestContext.Current.CancellationToken);

        _carts.Carts.Verify(c => c.ConvertAsync(It.Is<CartConversion>(conversion => conversion.CartId == 42
            && conversion.OrderId == "820982911946154508" && conversion.OrderTotalMinor == 12673
            && conversion.OrderedAt == new DateTimeOffset(2026, 11, 23, 13, 15, 22, TimeSpan.Zero)), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_OrderCreate_FallsBackToTheCartToken()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        _carts.Carts.Setup(c => c.FindByRefAsync(1, "eeafa272cebfd4b22385bc4b645e762c", It.IsAny<CancellationToken>())).ReturnsAsync(KnownCart());
        _carts.Carts.Setup(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.OrdersCreate, "order_create.json"), TestContext.Current.CancellationToken);

        _carts.Carts.Verify(c => c.ConvertAsync(It.Is<CartConversion>(conversion => conversion.CartId == 42), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_OrderCreate_NoTrackedCart_ChangesNothing()
    {
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.OrdersCreate, "order_create.json"), TestContext.Current.CancellationToken);

        _carts.Carts.Verify(c => c.FindByRefAsync(1, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _carts.Carts.Verify(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_AppUninstalled_UninstallsTheStoreWithoutCallingShopify()
    {
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.AppUninstalled, "app_uninstalled.json"), TestContext.Current.CancellationToken);

        _stores.Verify(s => s.UpsertAsync(It.Is<Store>(store => store.Id == 1 && store.Status == StoreStatus.Uninstalled), It.IsAny<CancellationToken>()), Times.Once);
        kit.Credentials.Verify(c => c.DeleteAsync(1, It.IsAny<CancellationToken>()), Times.Once);
        _carts.Messages.Verify(m => m.CancelPendingForStoreAsync(1, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task HandleAsync_AppUninstalled_MarksTheShopifySubscriptionCancelled()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        _subscriptions.Setup(s => s.GetAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(new StoreSubscription
        {
            StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Active, ExternalId = "gid://shopify/AppSubscription/1029266947",
        });

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.AppUninstalled, "app_uninstalled.json"), TestContext.Current.CancellationToken);

        _subscriptions.Verify(s => s.UpsertAsync(It.Is<StoreSubscription>(x => x.Status == SubscriptionStatus.Cancelled), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_AppSubscriptionsUpdate_ReadsTheSubscriptionFromShopify()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        var active = new StoreSubscription { StoreId = 1, Plan = "Growth", Status = SubscriptionStatus.Active, ExternalId = "gid://shopify/AppSubscription/1029266947" };
        _billing.Setup(b => b.SyncAsync(It.Is<Store>(s => s.Id == 1), It.IsAny<CancellationToken>())).ReturnsAsync(active);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.AppSubscriptionsUpdate, "app_subscriptions_update.json"), TestContext.Current.CancellationToken);

        _subscriptions.Verify(s => s.UpsertAsync(It.Is<StoreSubscription>(x => x.ExternalId == active.ExternalId && x.Status == SubscriptionStatus.Active),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_CustomersRedact_ErasesTheCustomer()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CustomersRedact, "customers_redact.json"), TestContext.Current.CancellationToken);
        _privacy.Verify(p => p.EraseCustomerAsync(1, "anna.berg@example.com", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_CustomersRedactAfterUninstall_StillErases()
    {
        UseStore(ShopifyTestKit.Store(StoreStatus.Uninstalled));
        using var kit = new ShopifyTestKit(VariantImages);
        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CustomersRedact, "customers_redact.json"), TestContext.Current.CancellationToken);
        _privacy.Verify(p => p.EraseCustomerAsync(1, "anna.berg@example.com", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_CustomersDataRequest_RecordsTheExportUnderShopifysRequestId()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        var export = new CustomerDataExport(1, "anna.berg@example.com", [], [], []);
        _privacy.Setup(p => p.ExportCustomerAsync(1, "anna.berg@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(export);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CustomersDataRequest, "customers_data_request.json"), TestContext.Current.CancellationToken);

        _privacy.Verify(p => p.RecordExportAsync(1, "9913", export, FixtureTime.Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_ShopRedact_ErasesTheShop()
    {
        UseStore(ShopifyTestKit.Store(StoreStatus.Uninstalled));
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.ShopRedact, "shop_redact.json"), TestContext.Current.CancellationToken);

        _privacy.Verify(p => p.EraseStoreDataAsync(1, It.IsAny<CancellationToken>()), Times.Once);
        kit.Credentials.Verify(c => c.DeleteAsync(1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_StoreNotResolvedAtReceipt_FindsItByShopDomain()
    {
        _stores.Setup(s => s.GetAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync((Store?)null);
        _stores.Setup(s => s.GetRecentAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync((Store?)null);
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CustomersRedact, "customers_redact.json", storeId: null, shopRef: "Maple-Goods.myshopify.com"), TestContext.Current.CancellationToken);

        _privacy.Verify(p => p.EraseCustomerAsync(1, "anna.berg@example.com", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("other-shop.myshopify.com")]
    [InlineData("not a shop")]
    [InlineData(null)]
    public async Task HandleAsync_UnknownShop_DoesNothing(string? shopRef)
    {
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery(ShopifyWebhookTopics.CustomersRedact, "customers_redact.json", storeId: null, shopRef: shopRef), TestContext.Current.CancellationToken);

        _privacy.VerifyNoOtherCalls();
        Assert.Empty(_carts.Upserted);
    }

    [Fact]
    public async Task HandleAsync_UnknownTopic_DoesNothing()
    {
        using var kit = new ShopifyTestKit(VariantImages);

        await Handler(kit).HandleAsync(Delivery("products/update", "checkout_create.json"), TestContext.Current.CancellationToken);

        Assert.Empty(_carts.Upserted);
        Assert.Empty(kit.Handler.Requests);
        _privacy.VerifyNoOtherCalls();
        _stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void Platform_IsShopify()
    {
        using var kit = new ShopifyTestKit(VariantImages);
        Assert.Equal(Platforms.Shopify, Handler(kit).Platform);
    }
}
