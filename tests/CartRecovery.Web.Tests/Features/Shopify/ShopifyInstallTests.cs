using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Web.Tests.Features.Shopify;

public sealed class ShopifyInstallTests : IAsyncLifetime
{
    private ShopifyHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ShopifyHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private Task<Store?> StoreAsync() => _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, _host.Shopify.ShopDomain, ShopifyHost.Ct);

    [Fact]
    public async Task Install_FromTheListing_CreatesTheStoreWithEncryptedTokenAndWebhooks()
    {
        var store = await _host.InstalledStoreAsync();

        Assert.Equal((_host.Shopify.ShopName, "EUR", "Europe/Paris", StoreStatus.Active), (store.Name, store.Currency, store.TimeZone, store.Status));
        var credentials = (await _host.App.Service<IStoreCredentialRepository>().GetAsync(store.Id, ShopifyHost.Ct))!;
        Assert.NotNull(credentials.RefreshToken);
        Assert.NotNull(credentials.AccessTokenExpiresAt);
        await using var db = await _host.App.Service<IDbConnectionFactory>().OpenAsync(ShopifyHost.Ct);
        var payload = await db.QuerySingleAsync<string>("SELECT payload FROM store_credentials WHERE store_id = @Id", new { store.Id });
        Assert.DoesNotContain(credentials.AccessToken, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.RefreshToken, payload, StringComparison.Ordinal);

        var topics = _host.Shopify.WebhookSubscriptions.Select(s => s.TopicHeader).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["app/uninstalled", "app_subscriptions/update", "checkouts/create", "checkouts/delete", "checkouts/update", "orders/create"], topics);
        Assert.All(_host.Shopify.WebhookSubscriptions, s => Assert.Equal(_host.WebhookUrl, s.Uri));
    }

    [Fact]
    public async Task Reinstall_KeepsOneStoreAndReactivatesIt()
    {
        var first = await _host.InstalledStoreAsync();
        await _host.App.Service<StoreLifecycle>().UninstallAsync(first.Id, ShopifyHost.Ct);

        var again = await _host.InstallAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var store = (await StoreAsync())!;
        Assert.Equal((first.Id, StoreStatus.Active), (store.Id, store.Status));
        Assert.NotNull(await _host.App.Service<IStoreCredentialRepository>().GetAsync(store.Id, ShopifyHost.Ct));
    }

    [Fact]
    public async Task InstallRequest_WithAForgedHmac_IsRefusedAndCreatesNothing()
    {
        var url = _host.Shopify.BuildInstallUrl(new Uri(_host.BaseUrl, "auth/shopify")).AbsoluteUri;
        var forged = url.Replace("hmac=", "hmac=0", StringComparison.Ordinal);

        var response = await _host.Browser.GetAsync(forged, ShopifyHost.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await StoreAsync());
    }

    [Fact]
    public async Task InstallRequest_ForANonShopifyDomain_IsRefused()
    {
        var query = new Dictionary<string, string> { ["shop"] = "evil.example.com", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        query["hmac"] = _host.Shopify.Sign(query);

        var response = await _host.Browser.GetAsync("/auth/shopify?" + string.Join('&', query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}")), ShopifyHost.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(_host.Shopify.Requests, r => r.Path.Contains("oauth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_FromAnotherBrowserWithoutTheStateCookie_IsRefusedAndCreatesNothing()
    {
        var start = await _host.Browser.GetAsync(_host.Shopify.BuildInstallUrl(new Uri(_host.BaseUrl, "auth/shopify")), ShopifyHost.Ct);
        var consent = await _host.Browser.GetAsync(start.Headers.Location, ShopifyHost.Ct);

        using var otherBrowser = _host.NewBrowser();
        var callback = await otherBrowser.GetAsync(consent.Headers.Location, ShopifyHost.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.Null(await StoreAsync());
    }

    [Fact]
    public async Task Callback_ReplayedAfterASuccessfulInstall_IsRefused()
    {
        var start = await _host.Browser.GetAsync(_host.Shopify.BuildInstallUrl(new Uri(_host.BaseUrl, "auth/shopify")), ShopifyHost.Ct);
        var consent = await _host.Browser.GetAsync(start.Headers.Location, ShopifyHost.Ct);
        Assert.Equal(HttpStatusCode.OK, (await _host.Browser.GetAsync(consent.Headers.Location, ShopifyHost.Ct)).StatusCode);

        var replay = await _host.Browser.GetAsync(consent.Headers.Location, ShopifyHost.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Fact]
    public async Task CreateStoreApi_WithAValidCustomAppToken_ConnectsTheShop()
    {
        var token = _host.Shopify.IssueOfflineToken(expiring: false);
        using var admin = new HttpClient { BaseAddress = _host.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);

        var response = await admin.PostAsJsonAsync("/api/stores", new { platform = "shopify", shopDomain = _host.Shopify.ShopDomain, accessToken = token.AccessToken }, ShopifyHost.Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ShopifyHost.Ct));
        Assert.Equal(_host.Shopify.ShopDomain, json.RootElement.GetProperty("externalId").GetString());
        Assert.Equal(6, _host.Shopify.WebhookSubscriptions.Count);
    }

    [Fact]
    public async Task CustomAppStore_WebhooksSignedWithItsOwnSecret_AreAcceptedAndOthersAreNot()
    {
        var token = _host.Shopify.IssueOfflineToken(expiring: false);
        using var admin = new HttpClient { BaseAddress = _host.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/stores", new
        {
            platform = "shopify", shopDomain = _host.Shopify.ShopDomain, accessToken = token.AccessToken, webhookSecret = "custom-app-secret",
        }, ShopifyHost.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var own = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "app/uninstalled", _host.Shopify.AppUninstalledPayload(), secretOverride: "custom-app-secret");
        using var other = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "app/uninstalled", _host.Shopify.AppUninstalledPayload(), secretOverride: "someone-else");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (own.StatusCode, other.StatusCode));
    }

    [Theory]
    [InlineData("""{"platform":"shopify","shopDomain":"nope.example.com","accessToken":"x"}""", 400, "shopDomain")]
    [InlineData("""{"platform":"shopify","accessToken":"x"}""", 400, "shopDomain")]
    [InlineData("""{"platform":"shopify","shopDomain":"cartrecovery-test.myshopify.com"}""", 400, "accessToken")]
    [InlineData("""{"platform":"magento"}""", 400, "platform")]
    [InlineData("""{"platform":"shopify","shopDomain":"cartrecovery-test.myshopify.com","accessToken":"shpat_wrong"}""", 422, null)]
    public async Task CreateStoreApi_WithBadInput_RefusesAndSavesNothing(string body, int status, string? field)
    {
        using var admin = new HttpClient { BaseAddress = _host.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);

        var response = await admin.PostAsync("/api/stores", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ShopifyHost.Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ShopifyHost.Ct));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
        }
        Assert.Null(await StoreAsync());
    }
}
