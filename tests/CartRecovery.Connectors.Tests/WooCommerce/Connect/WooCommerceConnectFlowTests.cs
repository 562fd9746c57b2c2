using System.Net;
using System.Text.Json;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.AspNetCore.WebUtilities;

namespace CartRecovery.Connectors.Tests.WooCommerce.Connect;

public sealed class WooCommerceConnectFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_BuildsTheAuthorizeUrlWithItsFiveParameters()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();

        var url = kit.Get<WooCommerceConnectFlow>().Start(new Uri("https://Shop.Example.com/store/"), new Uri("https://app.test/connect/woocommerce/done?x=1"),
            new Uri("https://app.test/connect/woocommerce/callback"), "conn-123");

        Assert.Equal("https://shop.example.com/store/wc-auth/v1/authorize", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("CartRecovery", query["app_name"]);
        Assert.Equal("read_write", query["scope"]);
        Assert.Equal("conn-123", query["user_id"]);
        Assert.Equal("https://app.test/connect/woocommerce/done?x=1", query["return_url"]);
        Assert.Equal("https://app.test/connect/woocommerce/callback", query["callback_url"]);
    }

    [Theory]
    [InlineData("ftp://shop.example.com")]
    [InlineData("https://user:pass@shop.example.com")]
    [InlineData("https://shop.example.com/#admin")]
    [InlineData("https://shop.example.com/?p=1")]
    public async Task Start_UnusableSiteUrl_ThrowsNamingTheRule(string site)
    {
        await using var kit = await WooCommerceTestKit.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => kit.Get<WooCommerceConnectFlow>().Start(new Uri(site), new Uri("https://app.test/r"), new Uri("https://app.test/c"), "id"));

        Assert.StartsWith("siteUrl must", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectWithKeys_GoodKeys_SavesTheStoreItsCredentialsAndItsWebhooks()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var kit = await WooCommerceTestKit.StartAsync(publicBaseUrl: receiver.BaseUrl);
        var key = kit.Emulator.AddApiKey();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri("http://shop.test/"), key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Warning);
        var store = Assert.Single(kit.Stores.Stores);
        Assert.Equal((Platforms.WooCommerce, "http://shop.test", "http://shop.test/"), (store.Platform, store.ExternalId, store.StorefrontUrl));
        Assert.Equal(("Emulated Outfitters", "EUR", "Europe/Berlin"), (store.Name, store.Currency, store.TimeZone));
        Assert.Equal(("shop@emulated-outfitters.test", StoreStatus.Active), (store.SenderEmail, store.Status));
        var credentials = Assert.Single(kit.Stores.Credentials);
        Assert.Equal(key.ConsumerKey, credentials.AccessToken);
        Assert.Equal(key.ConsumerSecret, credentials.Extra[WooCommerceStoreConnections.ConsumerSecretKey]);
        var webhookSecret = credentials.Extra[WooCommerceStoreConnections.WebhookSecretKey];
        Assert.True(Convert.FromBase64String(webhookSecret).Length >= 32);
        Assert.Equal(["order.created", "order.updated", "order.deleted"], kit.Emulator.Webhooks.Select(w => w.Topic));
        Assert.All(kit.Emulator.Webhooks, w => Assert.Equal((new Uri(receiver.BaseUrl, $"webhooks/woocommerce/{store.Id}").AbsoluteUri, webhookSecret, 200), (w.DeliveryUrl, w.Secret, w.PingStatus)));
        Assert.Equal("10.3.0", kit.Stores.State(store.Id, WooCommerceConnectFlow.VersionStateKey));
        Assert.Equal("1,2,3", kit.Stores.State(store.Id, WooCommerceWebhookRegistrar.StateKey));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", null)]
    [InlineData("https://127.0.0.1", null)]
    [InlineData("https://10.1.2.3/shop", null)]
    [InlineData("https://169.254.169.254", null)]
    [InlineData("https://[::1]", null)]
    [InlineData("https://localhost", null)]
    [InlineData("https://shop.example", "https://192.168.0.10/")]
    [InlineData("https://shop.example", "http://api.shop.example/")]
    [InlineData("https://shop.example", "https://user:pw@api.shop.example/")]
    public async Task ConnectWithKeys_AddressTheDefaultPolicyRefuses_IsAnInvalidRequestWithoutCallingIt(string site, string? apiBase)
    {
        await using var kit = await WooCommerceTestKit.StartAsync(outbound: new OutboundOptions());
        var key = kit.Emulator.AddApiKey();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri(site), key.ConsumerKey, key.ConsumerSecret,
            apiBase is null ? null : new Uri(apiBase), Ct);

        Assert.Equal(ConnectStatus.InvalidRequest, result.Status);
        Assert.Contains(apiBase is null ? "siteUrl" : "apiBaseUrl", result.Error, StringComparison.Ordinal);
        Assert.Empty(kit.Emulator.Requests);
        Assert.Empty(await kit.Stores.ListAsync(Ct));
    }

    [Theory]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("https://elsewhere.example/")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task ConnectWithKeys_ShopReportsAHomeUrlOffItsOwnSite_StoresTheSiteInstead(string reportedHome)
    {
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = WooCommerceTestKit.DefaultHome, ReportedHomeUrl = reportedHome });
        var key = kit.Emulator.AddApiKey();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(WooCommerceTestKit.DefaultHome, key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("http://shop.test/", result.Store!.StorefrontUrl);
    }

    [Fact]
    public async Task ConnectWithKeys_ShopReportsItsWwwHome_KeepsIt()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = WooCommerceTestKit.DefaultHome, ReportedHomeUrl = "http://www.shop.test/store" });
        var key = kit.Emulator.AddApiKey();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(WooCommerceTestKit.DefaultHome, key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.Equal("http://www.shop.test/store/", result.Store!.StorefrontUrl);
    }

    [Fact]
    public async Task ConnectWithKeys_ToAnHttpApiBaseOfAnHttpsShop_NeverSendsAnAuthorizationHeader()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("https://shop.test"), TreatAsHttps = true });
        var key = kit.Emulator.AddApiKey();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri("https://shop.test"), key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.NotEmpty(kit.Emulator.Requests);
        Assert.All(kit.Emulator.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task ConnectWithKeys_AgainLater_ReplacesTheOldWebhooksAndKeepsOneStore()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var flow = kit.Get<WooCommerceConnectFlow>();

        await flow.ConnectWithKeysAsync(new Uri("http://shop.test"), key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);
        var second = await flow.ConnectWithKeysAsync(new Uri("http://SHOP.test/"), key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.True(second.Succeeded);
        Assert.Single(kit.Stores.Stores);
        Assert.Equal([4L, 5L, 6L], kit.Emulator.Webhooks.Select(w => w.Id));
        Assert.Null(second.Warning);
    }

    [Fact]
    public async Task ConnectWithKeys_WrongSecret_RefusesAndSavesNothing()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri("http://shop.test"), key.ConsumerKey, "cs_0000", kit.Emulator.BaseUrl, Ct);

        Assert.Equal(ConnectStatus.KeysRejected, result.Status);
        Assert.Contains("refused the keys", result.Error, StringComparison.Ordinal);
        Assert.Empty(kit.Stores.Stores);
        Assert.Empty(kit.Stores.Credentials);
        Assert.Empty(kit.Emulator.Webhooks);
    }

    [Fact]
    public async Task ConnectWithKeys_ReadOnlyKeys_RefusesBeforeSavingAnything()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey("read");

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri("http://shop.test"), key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.Equal(ConnectStatus.MissingPermissions, result.Status);
        Assert.Empty(kit.Stores.Stores);
        Assert.Empty(kit.Emulator.Webhooks);
    }

    [Fact]
    public async Task ConnectWithKeys_SiteThatIsDown_SaysSoAndSavesNothing()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => o.MaxRetries = 1);
        var key = kit.Emulator.AddApiKey();
        kit.Emulator.FailNext(2, 503);

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri("http://shop.test"), key.ConsumerKey, key.ConsumerSecret, kit.Emulator.BaseUrl, Ct);

        Assert.Equal(ConnectStatus.SiteUnreachable, result.Status);
        Assert.Empty(kit.Stores.Stores);
    }

    [Theory]
    [InlineData("http://shop.test", "not-a-key", "cs_x")]
    [InlineData("http://shop.test", "ck_x", "")]
    [InlineData("mailto:shop@test", "ck_x", "cs_x")]
    public async Task ConnectWithKeys_MalformedInput_IsAnInvalidRequestWithoutCallingTheShop(string site, string key, string secret)
    {
        await using var kit = await WooCommerceTestKit.StartAsync();

        var result = await kit.Get<WooCommerceConnectFlow>().ConnectWithKeysAsync(new Uri(site), key, secret, kit.Emulator.BaseUrl, Ct);

        Assert.Equal(ConnectStatus.InvalidRequest, result.Status);
        Assert.Empty(kit.Emulator.Requests);
    }

    [Fact]
    public async Task KeyAuthorization_MerchantApproves_CallbackConnectsTheStoreAndTheBrowserReturns()
    {
        await using var host = await LoopbackReceiver.StartAsync();
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { AllowHttpCallback = true }, publicBaseUrl: host.BaseUrl);
        var flow = kit.Get<WooCommerceConnectFlow>();
        var connectionId = WooCommerceConnectFlow.NewConnectionId();
        ConnectResult? completed = null;
        host.Respond = async request =>
        {
            if (request.Path != "/connect/woocommerce/callback")
                return 200;
            completed = await flow.CompleteAsync(JsonDocument.Parse(request.Body).RootElement, connectionId, kit.Emulator.HomeUrl, Ct);
            return completed.Succeeded ? 200 : 400;
        };

        var authorize = flow.Start(kit.Emulator.HomeUrl, new Uri(host.BaseUrl, "connect/woocommerce/done"), new Uri(host.BaseUrl, "connect/woocommerce/callback"), connectionId);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorize, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{host.BaseUrl}connect/woocommerce/done?success=1&user_id={connectionId}", response.Headers.Location!.AbsoluteUri);
        Assert.True(completed!.Succeeded, completed.Error);
        var key = Assert.Single(kit.Emulator.ApiKeys);
        Assert.Equal(key.ConsumerKey, Assert.Single(kit.Stores.Credentials).AccessToken);
        Assert.StartsWith("CartRecovery - API (", key.Description, StringComparison.Ordinal);
        Assert.Equal(3, kit.Emulator.Webhooks.Count);
    }

    [Fact]
    public async Task KeyAuthorization_CallbackForAnotherConnection_IsRefusedAndWooCommerceDeletesTheKey()
    {
        await using var host = await LoopbackReceiver.StartAsync();
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { AllowHttpCallback = true }, publicBaseUrl: host.BaseUrl);
        var flow = kit.Get<WooCommerceConnectFlow>();
        ConnectResult? completed = null;
        host.Respond = async request =>
        {
            completed = await flow.CompleteAsync(JsonDocument.Parse(request.Body).RootElement, "the-id-we-issued", kit.Emulator.HomeUrl, Ct);
            return completed.Succeeded ? 200 : 400;
        };

        var authorize = flow.Start(kit.Emulator.HomeUrl, new Uri(host.BaseUrl, "done"), new Uri(host.BaseUrl, "callback"), "an-id-someone-made-up");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorize, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ConnectStatus.InvalidRequest, completed!.Status);
        Assert.Empty(kit.Emulator.ApiKeys);
        Assert.Empty(kit.Stores.Stores);
    }

    [Fact]
    public async Task CompleteAsync_KeyGrantedReadOnly_IsRefusedWithoutCallingTheShop()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var body = JsonDocument.Parse("""{"key_id":1,"user_id":"abc","consumer_key":"ck_1","consumer_secret":"cs_1","key_permissions":"read"}""").RootElement;

        var result = await kit.Get<WooCommerceConnectFlow>().CompleteAsync(body, "abc", new Uri("http://shop.test"), Ct);

        Assert.Equal(ConnectStatus.MissingPermissions, result.Status);
        Assert.Empty(kit.Emulator.Requests);
    }
}
