using System.Text.Json.Nodes;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.CrossSell;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.CrossSell;

/// <summary>
/// Shopify's product recommendations read through the Storefront API of the Shopify emulator, with a storefront access
/// token the app gets through the Admin API once per store.
/// </summary>
public sealed class ShopifyRelatedProductsTests : IAsyncDisposable
{
    private const string Granted = "read_orders,write_discounts,read_customers,unauthenticated_read_product_listings";

    private readonly HttpClient _http = new();
    private ShopifyEmulator _shop = null!;
    private ShopifyStoreApi _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ShopifyRelatedProducts> StartAsync(string scopes = Granted)
    {
        _shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { Scopes = scopes });
        _api = EmulatorStoreApi.Create(_shop, _http);
        return NewSource();
    }

    // A fresh source holds no token in memory, like the app after a restart.
    private ShopifyRelatedProducts NewSource() => new(_api, new ShopifyStorefrontTokens(_api));

    private Store Store(long id = 1) => TestData.Store(id) with
    {
        Platform = Platforms.Shopify,
        ExternalId = _shop.ShopDomain,
        StorefrontUrl = "https://shop.cartrecovery-test.example/",
    };

    private int AdminCalls(string operation) =>
        _shop.Requests.Count(r => r.Path.StartsWith("/admin/api/", StringComparison.Ordinal) && r.Body.Contains(operation, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_shop is not null)
            await _shop.DisposeAsync();
    }

    [Fact]
    public async Task Get_GivesShopifysRecommendationsInTheirOrder_AvailableOnly_WithMinorPrices()
    {
        var source = await StartAsync();
        var socks = _shop.AddProduct("Wool Socks", "12.50", imageUrl: "https://cdn.example/socks.png");
        var gaiters = _shop.AddProduct("Gaiters", "30.00", availableForSale: false);
        var pack = _shop.AddProduct("Day Pack", "89.00");
        var beanie = _shop.AddProduct("Beanie", "19.9", onlineStore: false);
        var boots = _shop.AddProduct("Trail Boots", "145.00", related: [socks, gaiters, pack, beanie]);

        var related = await source.GetAsync(Store(), boots.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);

        Assert.Equal(["Wool Socks", "Day Pack", "Beanie"], related.Select(p => p.Title));
        Assert.Equal([1250L, 8900L, 1990L], related.Select(p => p.PriceMinor));
        Assert.All(related, p => Assert.Equal("EUR", p.Currency));
        Assert.Equal([socks.ToString(System.Globalization.CultureInfo.InvariantCulture), pack.ToString(System.Globalization.CultureInfo.InvariantCulture),
            beanie.ToString(System.Globalization.CultureInfo.InvariantCulture)], related.Select(p => p.ProductId));
        Assert.Equal(("https://cdn.example/socks.png", null), (related[0].ImageUrl, related[1].ImageUrl));
        Assert.Equal("https://shop.cartrecovery-test.example/products/wool-socks", related[0].Url);
        Assert.Equal("https://shop.cartrecovery-test.example/products/beanie", related[2].Url);
        var asked = Assert.Single(_shop.Requests, r => r.Path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Equal(_shop.StorefrontAccessTokens[0].AccessToken, asked.Headers["X-Shopify-Storefront-Access-Token"]);
        var body = JsonNode.Parse(asked.Body)!;
        Assert.Equal($"gid://shopify/Product/{boots}", body["variables"]!["productId"]!.GetValue<string>());
        Assert.Contains("intent: RELATED", body["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CreatesOneStorefrontToken_AndReusesItAcrossCallsStoresAndRestarts()
    {
        var source = await StartAsync();
        var boots = _shop.AddProduct("Trail Boots", "145.00", related: [_shop.AddProduct("Wool Socks", "12.50")]);
        var id = boots.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Single(await source.GetAsync(Store(), id, Ct));
        Assert.Single(await source.GetAsync(Store(), id, Ct));
        Assert.Equal((1, 1), (AdminCalls("storefrontAccessTokens"), AdminCalls("storefrontAccessTokenCreate")));
        Assert.Single(await source.GetAsync(Store(id: 2), id, Ct));
        Assert.Single(await NewSource().GetAsync(Store(), id, Ct));

        var token = Assert.Single(_shop.StorefrontAccessTokens);
        Assert.Equal(ShopifyStorefrontTokens.Title, token.Title);
        Assert.Equal("unauthenticated_read_product_listings", token.Scopes);
        Assert.Equal((3, 1), (AdminCalls("storefrontAccessTokens"), AdminCalls("storefrontAccessTokenCreate")));
        Assert.Equal(4, _shop.Requests.Count(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Get_WhenTheAppWasNotGrantedAnUnauthenticatedScope_ThrowsAccessDenied()
    {
        var source = await StartAsync(scopes: "read_orders,write_discounts,read_customers");
        var boots = _shop.AddProduct("Trail Boots", "145.00", related: [_shop.AddProduct("Wool Socks", "12.50")]);

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => source.GetAsync(Store(), boots.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));

        Assert.Equal(("ACCESS_DENIED", false), (error.ErrorCode, error.IsTransient));
        Assert.Empty(_shop.StorefrontAccessTokens);
        Assert.DoesNotContain(_shop.Requests, r => r.Path.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_WithADeletedStorefrontToken_Throws_ThenTheNextCallGetsANewToken()
    {
        var source = await StartAsync();
        var boots = _shop.AddProduct("Trail Boots", "145.00", related: [_shop.AddProduct("Wool Socks", "12.50")]);
        var id = boots.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(await source.GetAsync(Store(), id, Ct));
        _shop.DeleteStorefrontAccessTokens();

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => source.GetAsync(Store(), id, Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(await source.GetAsync(Store(), id, Ct));
        Assert.Single(_shop.StorefrontAccessTokens);
        Assert.Equal(2, AdminCalls("storefrontAccessTokenCreate"));
    }

    [Fact]
    public async Task Get_AnUnknownProductOrNotAnId_GivesNone()
    {
        var source = await StartAsync();

        Assert.Empty(await source.GetAsync(Store(), "999", Ct));
        Assert.Empty(await source.GetAsync(Store(), "not-a-number", Ct));
    }

    [Fact]
    public async Task Get_WhenTheStorefrontApiFails_Throws_SoTheCacheRemembersTheFailure()
    {
        var source = await StartAsync();
        var boots = _shop.AddProduct("Trail Boots", "145.00", related: [_shop.AddProduct("Wool Socks", "12.50")]);
        _shop.FailNext(10, 400);

        await Assert.ThrowsAsync<ShopifyApiException>(() => source.GetAsync(Store(), boots.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }
}
