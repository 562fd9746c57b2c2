using System.Net;
using System.Web;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Moq;
using static CartRecovery.Connectors.Tests.Shopify.Auth.InstallTestData;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

public sealed class ShopifyInstallFlowTests
{
    private static ShopifyInstallFlow Flow(ShopifyTestKit kit, IStoreRepository stores) =>
        new(kit.OptionsAccessor, kit.OAuth(), Registration(kit, stores), kit.Time);

    [Fact]
    public void Start_ValidRequest_ReturnsAuthorizeUrlWithStateForOfflineAccess()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var start = Flow(kit, Stores().Object).Start(InstallQuery(FixtureTime.Now.AddSeconds(-30)), RedirectUri);

        Assert.True(start.Succeeded, start.Reason);
        Assert.Equal(ShopifyTestKit.Shop, start.Shop);
        Assert.Matches("^[0-9a-f]{32}$", start.State);
        var url = start.AuthorizeUrl!;
        Assert.Equal("https://maple-goods.myshopify.com/admin/oauth/authorize", url.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("client-id", query["client_id"]);
        Assert.Equal("read_orders,write_discounts,read_customers,unauthenticated_read_product_listings", query["scope"]);
        Assert.Equal(RedirectUri.AbsoluteUri, query["redirect_uri"]);
        Assert.Equal(start.State, query["state"]);
        Assert.Null(query["grant_options[]"]);
    }

    [Fact]
    public void Start_ApiBaseUrlConfigured_SendsTheMerchantThere()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        kit.Options.ApiBaseUrl = new Uri("http://127.0.0.1:5123/");
        var start = Flow(kit, Stores().Object).Start(InstallQuery(FixtureTime.Now), RedirectUri);
        Assert.StartsWith("http://127.0.0.1:5123/admin/oauth/authorize?", start.AuthorizeUrl!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TwoInstalls_GetDifferentStates()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var flow = Flow(kit, Stores().Object);
        Assert.NotEqual(flow.Start(InstallQuery(FixtureTime.Now), RedirectUri).State, flow.Start(InstallQuery(FixtureTime.Now), RedirectUri).State);
    }

    [Fact]
    public void Start_ForgedHmac_FailsWithInvalidSignature()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var query = InstallQuery(FixtureTime.Now);
        query["hmac"] = new string('a', 64);
        var start = Flow(kit, Stores().Object).Start(query, RedirectUri);
        Assert.False(start.Succeeded);
        Assert.Equal(ShopifyInstallError.InvalidSignature, start.Error);
        Assert.Null(start.AuthorizeUrl);
    }

    [Theory]
    [InlineData(-91)]
    [InlineData(91)]
    [InlineData(-86_400)]
    public void Start_TimestampOutsideTolerance_FailsWithStaleRequest(int secondsFromNow)
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var start = Flow(kit, Stores().Object).Start(InstallQuery(FixtureTime.Now.AddSeconds(secondsFromNow)), RedirectUri);
        Assert.Equal(ShopifyInstallError.StaleRequest, start.Error);
    }

    [Fact]
    public void Start_SignedButNotAShopifyDomain_FailsWithInvalidShop()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var start = Flow(kit, Stores().Object).Start(InstallQuery(FixtureTime.Now, shop: "attacker.example.com"), RedirectUri);
        Assert.Equal(ShopifyInstallError.InvalidShop, start.Error);
        Assert.Null(start.AuthorizeUrl);
    }

    [Fact]
    public void Start_NoClientSecret_FailsWithNotConfigured()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        kit.Options.ClientSecret = "";
        var start = Flow(kit, Stores().Object).Start(InstallQuery(FixtureTime.Now), RedirectUri);
        Assert.Equal(ShopifyInstallError.NotConfigured, start.Error);
        Assert.Contains("Shopify:ClientSecret", start.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonce-2")]
    [InlineData(null)]
    [InlineData("")]
    public async Task CompleteAsync_StateMismatch_FailsAndSavesNothing(string? expectedState)
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var stores = Stores();

        var result = await Flow(kit, stores.Object).CompleteAsync(CallbackQuery(FixtureTime.Now, state: "nonce-1"), expectedState, RedirectUri, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(ShopifyInstallError.StateMismatch, result.Error);
        Assert.Empty(kit.Handler.Requests);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
        kit.Credentials.Verify(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CompleteAsync_ForgedHmac_FailsAndSavesNothing()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var stores = Stores();
        var query = CallbackQuery(FixtureTime.Now);
        query["code"] = "another-code";

        var result = await Flow(kit, stores.Object).CompleteAsync(query, "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.InvalidSignature, result.Error);
        Assert.Empty(kit.Handler.Requests);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CompleteAsync_ValidCallback_SavesStoreAndExpiringCredentials()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var stores = Stores();

        var result = await Flow(kit, stores.Object).CompleteAsync(CallbackQuery(FixtureTime.Now.AddSeconds(-5)), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        var exchange = kit.Handler.Requests.Single(r => r.Uri.AbsolutePath == "/admin/oauth/access_token");
        Assert.Equal("https://maple-goods.myshopify.com/admin/oauth/access_token", exchange.Uri.AbsoluteUri);
        Assert.Equal("client-id", exchange.Json.GetProperty("client_id").GetString());
        Assert.Equal("client-secret", exchange.Json.GetProperty("client_secret").GetString());
        Assert.Equal("0907a61c0c8d55e99db179b68161bc00", exchange.Json.GetProperty("code").GetString());
        Assert.Equal("1", exchange.Json.GetProperty("expiring").GetString());

        stores.Verify(s => s.UpsertAsync(It.Is<Store>(store =>
            store.Platform == Platforms.Shopify && store.ExternalId == ShopifyTestKit.Shop && store.Name == "Maple Goods"
            && store.StorefrontUrl == "https://maple-goods.example.com/" && store.Currency == "USD"
            && store.TimeZone == "America/New_York" && store.Locale == "en" && store.Sequence == "standard"
            && store.SenderEmail == "hello@maple-goods.example.com" && store.SenderName == "Maple Goods"
            && store.Status == StoreStatus.Active && store.ApiBaseUrl == null), It.IsAny<CancellationToken>()), Times.Once);
        kit.Credentials.Verify(c => c.SaveAsync(It.Is<StoreCredentials>(saved =>
            saved.StoreId == 77 && saved.AccessToken == "shpat_new" && saved.RefreshToken == "shprt_new"
            && saved.AccessTokenExpiresAt == FixtureTime.Now.AddHours(1) && saved.RefreshTokenExpiresAt == FixtureTime.Now.AddDays(90)
            && saved.Scopes == GrantedScopes), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(77, result.Store!.Id);
    }

    [Fact]
    public async Task CompleteAsync_ValidCallback_RegistersEveryWebhookThroughVariables()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r));

        await Flow(kit, Stores().Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        var subscriptions = kit.Handler.GraphQl.Where(r => r.Query.Contains("webhookSubscriptionCreate", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CHECKOUTS_CREATE", "CHECKOUTS_UPDATE", "CHECKOUTS_DELETE", "ORDERS_CREATE", "APP_UNINSTALLED", "APP_SUBSCRIPTIONS_UPDATE"],
            subscriptions.Select(s => s.Variables.GetProperty("topic").GetString()));
        Assert.All(subscriptions, s =>
        {
            Assert.Equal("https://app.example.com/webhooks/shopify", s.Variables.GetProperty("webhookSubscription").GetProperty("uri").GetString());
            Assert.Equal("JSON", s.Variables.GetProperty("webhookSubscription").GetProperty("format").GetString());
            Assert.DoesNotContain("app.example.com", s.Query, StringComparison.Ordinal);
            Assert.Equal("shpat_new", s.Header("X-Shopify-Access-Token"));
            Assert.Equal("https://maple-goods.myshopify.com/admin/api/2026-10/graphql.json", s.Uri.AbsoluteUri);
        });
    }

    [Fact]
    public async Task CompleteAsync_WebhookAlreadyTaken_StillSucceeds()
    {
        var taken = new[] { new { field = new[] { "webhookSubscription", "uri" }, message = "Address for this topic has already been taken" } };
        using var kit = new ShopifyTestKit(r => FakeShopify(r, webhookUserErrors: taken));
        var result = await Flow(kit, Stores().Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task CompleteAsync_WebhookRefused_FailsAndSavesNothing()
    {
        var refused = new[] { new { field = new[] { "webhookSubscription", "uri" }, message = "Address is invalid" } };
        using var kit = new ShopifyTestKit(r => FakeShopify(r, webhookUserErrors: refused));
        var stores = Stores();

        var result = await Flow(kit, stores.Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.WebhookRegistrationFailed, result.Error);
        Assert.Contains("Address is invalid", result.Reason, StringComparison.Ordinal);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
        kit.Credentials.Verify(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CompleteAsync_FewerScopesGranted_FailsAndSavesNothing()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r, scope: "read_orders"));
        var stores = Stores();

        var result = await Flow(kit, stores.Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.ScopesNotGranted, result.Error);
        Assert.Contains("write_discounts", result.Reason, StringComparison.Ordinal);
        Assert.Contains("read_customers", result.Reason, StringComparison.Ordinal);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
        kit.Credentials.Verify(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CompleteAsync_WriteScopeGrantedForARequestedReadScope_Succeeds()
    {
        using var kit = new ShopifyTestKit(r => FakeShopify(r, scope: "write_orders,write_discounts,read_customers,unauthenticated_read_product_listings"));
        var result = await Flow(kit, Stores().Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task CompleteAsync_CodeRefused_FailsWithTokenExchangeFailed()
    {
        using var kit = new ShopifyTestKit(r => r.Uri.AbsolutePath == "/admin/oauth/access_token"
            ? Respond.Json("{\"error\":\"invalid_request\",\"error_description\":\"The authorization code was not found or was already used\"}", HttpStatusCode.BadRequest)
            : FakeShopify(r));
        var stores = Stores();

        var result = await Flow(kit, stores.Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.TokenExchangeFailed, result.Error);
        stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CompleteAsync_Reinstall_ReactivatesStoreAndKeepsMerchantSettings()
    {
        var uninstalled = ShopifyTestKit.Store(StoreStatus.Uninstalled) with
        {
            Id = 12,
            Sequence = "hybrid",
            SenderEmail = "team@maple-goods.example.com",
            SenderName = "The Maple team",
        };
        using var kit = new ShopifyTestKit(r => FakeShopify(r));
        var stores = Stores(existing: uninstalled);

        var result = await Flow(kit, stores.Object).CompleteAsync(CallbackQuery(FixtureTime.Now), "nonce-1", RedirectUri, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        stores.Verify(s => s.UpsertAsync(It.Is<Store>(store => store.Id == 12 && store.Status == StoreStatus.Active
            && store.Sequence == "hybrid" && store.SenderEmail == "team@maple-goods.example.com" && store.SenderName == "The Maple team"
            && store.TimeZone == "America/New_York"), It.IsAny<CancellationToken>()), Times.Once);
        kit.Credentials.Verify(c => c.SaveAsync(It.Is<StoreCredentials>(saved => saved.StoreId == 12), It.IsAny<CancellationToken>()), Times.Once);
    }
}
