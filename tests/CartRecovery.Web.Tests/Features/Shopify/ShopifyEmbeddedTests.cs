using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Web.Tests.Features.Shopify;

/// <summary>
/// Door 1 over HTTP: the admin opens <c>/shopify</c> with an id_token; the page installs the shop by token exchange
/// and signs the staff user in; the page's API calls carry a session token as a Bearer header.
/// </summary>
public sealed class ShopifyEmbeddedTests : IAsyncLifetime
{
    private const string StaffUser = "902541635";
    private ShopifyHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ShopifyHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => ShopifyHost.Ct;

    private Uri AppUrl => new(_host.BaseUrl, "shopify");

    private ShopifyEmulator Shopify => _host.Shopify;

    private int TokenRequests => Shopify.Requests.Count(r => r.Path == "/admin/oauth/access_token");

    private Task<Store?> StoredShopAsync() => _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, Shopify.ShopDomain, Ct);

    private async Task<HttpResponseMessage> ApiAsync(string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await _host.Browser.SendAsync(request, Ct);
    }

    /// <summary>The App URL verifies the token, then lands on the app's dashboard with the same query.</summary>
    private async Task<HttpResponseMessage> OpenDashboardAsync(Uri appUrl)
    {
        var entry = await _host.Browser.GetAsync(appUrl, Ct);
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        Assert.Equal("/app" + appUrl.Query, entry.Headers.Location!.OriginalString);
        return await _host.Browser.GetAsync(entry.Headers.Location, Ct);
    }

    [Fact]
    public async Task Page_FirstOpenFromTheAdmin_InstallsTheShopByTokenExchangeAndLandsOnTheDashboard()
    {
        var response = await OpenDashboardAsync(Shopify.BuildEmbeddedUrl(AppUrl, StaffUser));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{Shopify.ShopName}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<ui-nav-menu>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"shopify-api-key\" content=\"{Shopify.ClientId}\">", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"https://cdn.shopify.com/shopifycloud/app-bridge.js\"></script>", html, StringComparison.Ordinal);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src https://cdn.shopify.com/shopifycloud/app-bridge.js 'self';", csp, StringComparison.Ordinal);
        // Nothing in the admin's frame relies on a cookie (a third party's cookies are blocked there).
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.EndsWith($"frame-ancestors https://{Shopify.ShopDomain} https://admin.shopify.com", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));

        var store = await StoredShopAsync();
        Assert.NotNull(store);
        Assert.Equal(StoreStatus.Active, store.Status);
        var exchange = Assert.Single(Shopify.Requests, r => r.Path == "/admin/oauth/access_token");
        Assert.Contains("urn:ietf:params:oauth:grant-type:token-exchange", exchange.Body, StringComparison.Ordinal);
        Assert.NotEmpty(Shopify.WebhookSubscriptions);

        var accounts = _host.App.Service<IAccountRepository>();
        var user = await accounts.GetOrCreateUserByLoginAsync("shopify", $"{Shopify.ShopDomain}/{StaffUser}", _host.App.Time.GetUtcNow(), Ct);
        var membership = await accounts.GetMembershipAsync(store.AccountId!.Value, user.Id, Ct);
        Assert.Equal(AccountRole.Owner, membership?.Role);
        Assert.Equal([store.Id], membership!.StoreIds);
        Assert.NotNull((await accounts.GetUserAsync(user.Id, Ct))!.LastSignInAt);
    }

    [Fact]
    public async Task Page_FrenchAdmin_ShowsTheDashboardInFrench()
    {
        var response = await OpenDashboardAsync(Shopify.BuildEmbeddedUrl(AppUrl, StaffUser, locale: "fr-FR"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains(">Réglages</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AnotherStaffUserLater_BecomesAnotherOwnerOfThatStoreWithoutASecondInstall()
    {
        Assert.Equal(HttpStatusCode.OK, (await OpenDashboardAsync(Shopify.BuildEmbeddedUrl(AppUrl, StaffUser))).StatusCode);
        _host.App.Time.Advance(TimeSpan.FromMinutes(10));

        var second = await OpenDashboardAsync(Shopify.BuildEmbeddedUrl(AppUrl, "77"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, TokenRequests);
        var store = (await StoredShopAsync())!;
        var members = await _host.App.Service<IAccountRepository>().ListMembersAsync(store.AccountId!.Value, Ct);
        Assert.Equal(2, members.Count);
        Assert.All(members, m =>
        {
            Assert.Equal(AccountRole.Owner, m.Role);
            Assert.Equal([store.Id], m.StoreIds!);
        });
    }

    public static TheoryData<string, Func<ShopifyEmulator, string>> BadIdTokens() => new()
    {
        { "garbage", _ => "garbage" },
        { "signed with another secret", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(s.ClientId, s.ShopDomain, StaffUser, DateTimeOffset.UnixEpoch.AddYears(56)), "guess") },
        { "alg none", s => s.MintSessionToken().Split('.')[1] is var claims ? $"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{claims}." : "" },
    };

    [Theory]
    [MemberData(nameof(BadIdTokens))]
    public async Task Page_BadIdToken_ShowsAFriendlyPageAndInstallsNothing(string because, Func<ShopifyEmulator, string> idToken)
    {
        var url = Shopify.BuildEmbeddedUrl(AppUrl, StaffUser).AbsoluteUri;
        var good = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["id_token"]!;

        var response = await _host.Browser.GetAsync(url.Replace(good, Uri.EscapeDataString(idToken(Shopify)), StringComparison.Ordinal), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Contains("Open CartRecovery from your Shopify admin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Null(await StoredShopAsync());
        Assert.Equal(0, TokenRequests);
    }

    [Fact]
    public async Task Page_ExpiredIdToken_ShowsAFriendlyPageAndInstallsNothing()
    {
        var url = Shopify.BuildEmbeddedUrl(AppUrl, StaffUser);
        _host.App.Time.Advance(TimeSpan.FromMinutes(2));

        var response = await _host.Browser.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Open CartRecovery from your Shopify admin", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await StoredShopAsync());
    }

    [Fact]
    public async Task Page_OpenedWithoutIdToken_ShowsAFriendlyPage()
    {
        var response = await _host.Browser.GetAsync($"/shopify?shop={Shopify.ShopDomain}&locale=fr", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Ouvrez CartRecovery depuis votre administration Shopify", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ShopParameterOfAnotherShop_IsRefused()
    {
        var url = Shopify.BuildEmbeddedUrl(AppUrl, StaffUser).AbsoluteUri.Replace($"shop={Shopify.ShopDomain}", "shop=evil.myshopify.com", StringComparison.Ordinal);

        var response = await _host.Browser.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Abandoned carts", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithASessionToken_InstallsOnFirstCallAndReturnsTheStoresSummary()
    {
        var first = await ApiAsync("/api/stores/1/summary", Shopify.MintSessionToken(StaffUser));
        var store = (await StoredShopAsync())!;

        var response = await ApiAsync($"/api/stores/{store.Id}/summary", Shopify.MintSessionToken(StaffUser));

        Assert.True(first.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(store.Id, body["storeId"]!.GetValue<long>());
        Assert.Equal(0, body["abandonedCarts"]!.GetValue<long>());
        Assert.Equal(1, TokenRequests);
    }

    [Fact]
    public async Task Api_AnotherAccountsStore_Returns404()
    {
        await _host.Browser.GetAsync(Shopify.BuildEmbeddedUrl(AppUrl, StaffUser), Ct);
        var other = await _host.App.Service<IStoreRepository>().UpsertAsync(TestData.Store() with { Id = 0, ExternalId = "another-shop" }, Ct);

        var response = await ApiAsync($"/api/stores/{other.Id}/summary", Shopify.MintSessionToken(StaffUser));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_ExpiredSessionToken_Returns401ProblemAskingAppBridgeToRetry()
    {
        var token = Shopify.MintSessionToken(StaffUser);
        _host.App.Time.Advance(TimeSpan.FromSeconds(70));

        var response = await ApiAsync("/api/stores/1/summary", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Shopify-Retry-Invalid-Session-Request")));
        Assert.Null(await StoredShopAsync());
    }

    [Fact]
    public async Task Api_NoCredentials_Returns401()
    {
        var response = await ApiAsync("/api/stores/1/summary", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
