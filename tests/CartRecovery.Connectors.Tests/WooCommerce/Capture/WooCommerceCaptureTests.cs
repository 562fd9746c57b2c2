using System.Text.Json;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Connectors.Tests.WooCommerce.Capture;

public sealed class WooCommerceCaptureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Body = """
        {"cart_id":"b7Yq2xZp9K","email":"Lea.Martin@example.org","consent":true,
         "items":[{"product_id":88,"variation_id":93,"quantity":1,"name":"Ridgeline Down Jacket","price":"59.00"},
                  {"product_id":41,"quantity":2,"name":"Hiking Socks","price":"9.90"}]}
        """;

    [Fact]
    public async Task Capture_OnWooCommerce10_StoresACartThatRebuildsThroughACheckoutLink()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        await kit.Stores.SetAsync(store.Id, WooCommerceConnectFlow.VersionStateKey, "10.1.2", Ct);

        var result = await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(Body).RootElement, Ct);

        Assert.True(result.Accepted);
        var cart = Assert.Single(kit.Carts.All);
        Assert.Equal(("capture:b7Yq2xZp9K", "Lea.Martin@example.org", true), (cart.ExternalId, cart.Contact.Email, cart.Contact.AcceptsMarketing));
        Assert.Equal((7880L, "EUR"), (cart.TotalMinor, cart.Currency));
        Assert.Equal("http://shop.test/checkout-link/?products=93:1,41:2", cart.RestoreUrl);
    }

    [Fact]
    public async Task Capture_WithStoreApiNamesAsHtml_StoresTheDecodedNames()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
        body["items"]![0]!["name"] = "Ship Your Idea &#8211; Color: Black";
        body["items"]![1]!["name"] = "Ben &#038; Jerry&#8217;s &amp;amp; Socks";

        Assert.True((await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(body.ToJsonString()).RootElement, Ct)).Accepted);

        var cart = Assert.Single(kit.Carts.All);
        // Decoded once: an entity the shop typed into its title ("&amp;" shown as text) stays text.
        Assert.Equal(["Ship Your Idea \u2013 Color: Black", "Ben & Jerry\u2019s &amp; Socks"], cart.Lines.Select(l => l.Title));
    }

    [Theory]
    [InlineData("9.8.5", false, "http://shop.test/cart/")]
    [InlineData(null, false, "http://shop.test/cart/")]
    [InlineData("9.8.5", true, "http://shop.test/?add-to-cart=93&quantity=1")]
    public async Task Capture_OnOlderShops_AddsASingleLineOrFallsBackToTheCartPage(string? version, bool singleLine, string expected)
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        if (version is not null)
            await kit.Stores.SetAsync(store.Id, WooCommerceConnectFlow.VersionStateKey, version, Ct);
        var body = System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
        if (singleLine)
            body["items"]!.AsArray().RemoveAt(1);

        await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(body.ToJsonString()).RootElement, Ct);

        Assert.Equal(expected, Assert.Single(kit.Carts.All).RestoreUrl);
    }

    [Fact]
    public async Task Capture_Invalid_StoresNothing()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        var result = await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(Body.Replace("true", "false", StringComparison.Ordinal)).RootElement, Ct);

        Assert.False(result.Accepted);
        Assert.Equal("consent", Assert.Single(result.Errors).Field);
        Assert.Empty(kit.Carts.All);
    }

    [Fact]
    public async Task Capture_ThenTheSameShopperPays_ConvertsTheCapturedCart()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(Body).RootElement, Ct);
        var paid = WooCommerceFixtures.Text("order_pending.json").Replace("\"status\":\"pending\"", "\"status\":\"processing\"", StringComparison.Ordinal);

        await kit.Get<WooCommerceWebhookHandler>().HandleAsync(new WebhookDelivery
        {
            Platform = Platforms.WooCommerce, DeliveryId = "d1", Topic = "order.created", StoreId = store.Id, Body = paid, ReceivedAt = DateTimeOffset.UtcNow,
        }, Ct);

        Assert.Equal(CartStatus.ConvertedUnassisted, kit.Carts.Find("capture:b7Yq2xZp9K")!.Status);
        Assert.Null(kit.Carts.Find("4711"));
    }

    [Fact]
    public async Task Capture_ThenTheShopperPlacesAnUnpaidOrder_TheOrderCartTakesOver()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(Body).RootElement, Ct);

        await kit.Get<WooCommerceWebhookHandler>().HandleAsync(new WebhookDelivery
        {
            Platform = Platforms.WooCommerce, DeliveryId = "d1", Topic = "order.created", StoreId = store.Id,
            Body = WooCommerceFixtures.Text("order_pending.json"), ReceivedAt = DateTimeOffset.UtcNow,
        }, Ct);

        Assert.Equal(CartStatus.Expired, kit.Carts.Find("capture:b7Yq2xZp9K")!.Status);
        Assert.Equal(CartStatus.Active, kit.Carts.Find("4711")!.Status);
    }

    [Fact]
    public async Task Capture_ForAnUninstalledStore_IsRefused()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync(status: StoreStatus.Uninstalled);

        var result = await kit.Get<WooCommerceCapture>().CaptureAsync(store, JsonDocument.Parse(Body).RootElement, Ct);

        Assert.Equal("store", Assert.Single(result.Errors).Field);
        Assert.Empty(kit.Carts.All);
    }
}
