using System.Net;
using System.Web;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.Shopify;
using CartRecovery.Web.Tests.Features.Shopify;

namespace CartRecovery.Web.Tests.Pages.Embedded;

/// <summary>The app's pages asked for as the Shopify admin's frame asks, without a browser: what a bad token gets.</summary>
public sealed class EmbeddedAppRequestTests : IAsyncLifetime
{
    private ShopifyHost _host = null!;
    private static CancellationToken Ct => ShopifyHost.Ct;

    public async ValueTask InitializeAsync() => _host = await ShopifyHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }

    private ShopifyEmulator Shopify => _host.Shopify;

    private string PageUrl(string path, string idToken)
    {
        var url = Shopify.BuildEmbeddedUrl(new Uri(_host.BaseUrl, path)).AbsoluteUri;
        var good = HttpUtility.ParseQueryString(new Uri(url).Query)["id_token"]!;
        return url.Replace(good, Uri.EscapeDataString(idToken), StringComparison.Ordinal);
    }

    private string Forged() =>
        ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shopify.ClientId, Shopify.ShopDomain, "1", _host.App.Time.GetUtcNow()), "guessed-secret");

    private string Expired() =>
        ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shopify.ClientId, Shopify.ShopDomain, "1", _host.App.Time.GetUtcNow().AddMinutes(-10)),
            Shopify.ClientSecret);

    public static TheoryData<string> BadTokens() => ["forged", "expired", "none"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Page_WithABadIdToken_GetsTheBouncePageNotThePage(string kind)
    {
        var token = kind switch { "forged" => Forged(), "expired" => Expired(), _ => "" };

        var response = await _host.Browser.GetAsync(PageUrl("app/settings", token), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var bounce = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/app/session-token?", bounce, StringComparison.Ordinal);
        var reload = HttpUtility.ParseQueryString(new Uri(_host.BaseUrl, bounce).Query)["shopify-reload"]!;
        // Absolute on the public address, as Shopify's own libraries send it (a proxy may rewrite the Host header).
        Assert.StartsWith(new Uri(_host.BaseUrl, "app/settings?").AbsoluteUri, reload, StringComparison.Ordinal);
        Assert.DoesNotContain("id_token", reload, StringComparison.Ordinal);

        var page = await _host.Browser.GetAsync(bounce, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script src=\"https://cdn.shopify.com/shopifycloud/app-bridge.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pause sending", html, StringComparison.Ordinal);
        Assert.Null(await _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, Shopify.ShopDomain, Ct));
    }

    [Fact]
    public async Task BouncePage_ReloadingAnotherSite_IsRefused()
    {
        var response = await _host.Browser.GetAsync(
            $"/app/session-token?embedded=1&shop={Shopify.ShopDomain}&shopify-reload={Uri.EscapeDataString("https://evil.example/app")}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithAnExpiredFormToken_IsRefusedAndChangesNothing()
    {
        var dashboard = await _host.Browser.GetAsync(PageUrl("app", Shopify.MintSessionToken()), Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var store = (await _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, Shopify.ShopDomain, Ct))!;

        var url = PageUrl("app/settings", Shopify.MintSessionToken()).Replace("/app/settings?", $"/app/settings?store={store.Id}&handler=pause&", StringComparison.Ordinal);
        var response = await _host.Browser.PostAsync(url,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = Expired() }), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null((await _host.App.Service<IStoreRepository>().GetAsync(store.Id, Ct))!.SendingPausedReason);
    }

    [Fact]
    public async Task Post_WithAFreshFormTokenButNoAntiforgeryPair_IsAccepted_WhileAQueryTokenAloneIsNot()
    {
        var dashboard = await _host.Browser.GetAsync(PageUrl("app", Shopify.MintSessionToken()), Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var store = (await _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, Shopify.ShopDomain, Ct))!;
        var url = PageUrl("app/settings", Shopify.MintSessionToken()).Replace("/app/settings?", $"/app/settings?store={store.Id}&handler=pause&", StringComparison.Ordinal);

        var queryOnly = await _host.Browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, queryOnly.StatusCode);
        Assert.Null((await _host.App.Service<IStoreRepository>().GetAsync(store.Id, Ct))!.SendingPausedReason);

        var withForm = await _host.Browser.PostAsync(url,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = Shopify.MintSessionToken() }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, withForm.StatusCode);
        Assert.NotNull((await _host.App.Service<IStoreRepository>().GetAsync(store.Id, Ct))!.SendingPausedReason);
    }
}
