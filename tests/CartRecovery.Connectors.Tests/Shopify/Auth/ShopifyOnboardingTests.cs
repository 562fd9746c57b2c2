using System.Net;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Stores;
using Moq;
using static CartRecovery.Connectors.Tests.Shopify.Auth.InstallTestData;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

public sealed class ShopifyOnboardingTests
{
    private static ShopifyOnboarding Onboarding(ShopifyTestKit kit, IStoreRepository stores, OutboundOptions? outbound = null) =>
        new(Registration(kit, stores), kit.OptionsAccessor, outbound ?? kit.Outbound, kit.Time);

    [Theory]
    [InlineData("http://127.0.0.1:5123/")]
    [InlineData("https://127.0.0.1:5123/")]
    [InlineData("https://169.254.169.254/")]
    [InlineData("https://[::ffff:10.0.0.5]/")]
    [InlineData("https://localhost/")]
    [InlineData("https://user:pass@proxy.example.com/")]
    public async Task ConnectWithTokenAsync_ApiBaseUrlTheDefaultPolicyRefuses_FailsWithoutCallingIt(string apiBaseUrl)
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var stores = Stores();

        var result = await Onboarding(kit, stores.Object, new OutboundOptions())
            .ConnectWithTokenAsync(ShopifyTestKit.Shop, "shpat_custom", apiBaseUrl, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.InvalidApiBaseUrl, result.Error);
        Assert.Contains("apiBaseUrl", result.Reason, StringComparison.Ordinal);
        Assert.Empty(kit.Handler.Requests);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("maple-goods.com")]
    [InlineData("https://maple-goods.myshopify.com")]
    [InlineData("")]
    public async Task ConnectWithTokenAsync_InvalidDomain_FailsWithoutCallingShopify(string shop)
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var result = await Onboarding(kit, Stores().Object).ConnectWithTokenAsync(shop, "shpat_custom", null, TestContext.Current.CancellationToken);
        Assert.Equal(ShopifyInstallError.InvalidShop, result.Error);
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task ConnectWithTokenAsync_PrimaryDomainThatIsNotAWebLink_StoresTheMyshopifyAddress()
    {
        using var kit = new ShopifyTestKit(r => r.Query.Contains("shop {", StringComparison.Ordinal)
            ? Respond.Data(new { shop = new { name = "Maple Goods", currencyCode = "USD", primaryDomain = new { url = "javascript:alert(document.domain)" } } })
            : FakeShopify(r));
        var stores = Stores();

        var result = await Onboarding(kit, stores.Object).ConnectWithTokenAsync(ShopifyTestKit.Shop, "shpat_custom", null, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        stores.Verify(s => s.UpsertAsync(It.Is<Store>(store => store.StorefrontUrl == "https://" + ShopifyTestKit.Shop + "/"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ConnectWithTokenAsync_TokenRejected_FailsAndSavesNothing()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Json("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}", HttpStatusCode.Unauthorized));
        var stores = Stores();

        var result = await Onboarding(kit, stores.Object).ConnectWithTokenAsync(ShopifyTestKit.Shop, "shpat_wrong", null, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.TokenRejected, result.Error);
        Assert.Single(kit.Handler.Requests);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
        kit.Credentials.Verify(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ConnectWithTokenAsync_ShopUnreachable_FailsWithClearError()
    {
        using var kit = new ShopifyTestKit(_ => throw new HttpRequestException("Connection refused"));
        var stores = Stores();

        // The shop query is retried with backoff before giving up; the clock is moved on meanwhile.
        var result = await kit.AdvanceUntilDoneAsync(() =>
            Onboarding(kit, stores.Object).ConnectWithTokenAsync(ShopifyTestKit.Shop, "shpat_custom", "http://127.0.0.1:1/", TestContext.Current.CancellationToken));

        Assert.Equal(ShopifyInstallError.ShopUnreachable, result.Error);
        Assert.Contains(ShopifyTestKit.Shop, result.Reason, StringComparison.Ordinal);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ConnectWithTokenAsync_ApiBaseUrlNotHttp_FailsWithInvalidApiBaseUrl()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var result = await Onboarding(kit, Stores().Object).ConnectWithTokenAsync(ShopifyTestKit.Shop, "shpat_custom", "ftp://proxy.example.com/", TestContext.Current.CancellationToken);
        Assert.Equal(ShopifyInstallError.InvalidApiBaseUrl, result.Error);
    }

    [Fact]
    public async Task ConnectWithTokenAsync_ValidToken_SavesStoreWithItsApiAddressAndNonExpiringToken()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var stores = Stores();

        var result = await Onboarding(kit, stores.Object).ConnectWithTokenAsync("Maple-Goods.myshopify.com", "shpat_custom", "http://127.0.0.1:5123/", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        Assert.All(kit.Handler.GraphQl, r =>
        {
            Assert.Equal("shpat_custom", r.Header("X-Shopify-Access-Token"));
            Assert.Equal("http://127.0.0.1:5123/admin/api/2026-10/graphql.json", r.Uri.AbsoluteUri);
        });
        Assert.Equal(7, kit.Handler.GraphQl.Count);   // the shop, then six webhook subscriptions
        stores.Verify(s => s.UpsertAsync(It.Is<Store>(store => store.ExternalId == ShopifyTestKit.Shop
            && store.ApiBaseUrl == "http://127.0.0.1:5123/" && store.Status == StoreStatus.Active), It.IsAny<CancellationToken>()), Times.Once);
        kit.Credentials.Verify(c => c.SaveAsync(It.Is<StoreCredentials>(saved => saved.StoreId == 77 && saved.AccessToken == "shpat_custom"
            && saved.RefreshToken == null && saved.AccessTokenExpiresAt == null), It.IsAny<CancellationToken>()), Times.Once);
    }
}
