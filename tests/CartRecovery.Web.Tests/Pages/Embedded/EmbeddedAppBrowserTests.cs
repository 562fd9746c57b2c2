using System.Net;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.Shopify;
using CartRecovery.Web.Tests.Browser;
using CartRecovery.Web.Tests.Features.Shopify;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Embedded;

/// <summary>
/// The app's pages inside the Shopify admin, in a real browser: a page playing the admin (served at
/// https://admin.shopify.com through Playwright's routing) frames the App URL. App Bridge's CDN address is routed to a
/// small stand-in: <c>shopify.idToken()</c> asks the parent frame for a token, as App Bridge does, and the "admin"
/// answers with a session token the test mints with the app's client secret; on the bounce page it reloads the page
/// named by <c>shopify-reload</c> with a fresh <c>id_token</c>, as App Bridge does. The app is reached at a public https
/// address forwarded to the host on loopback (Chromium refuses to let a public page frame a loopback address).
/// </summary>
public sealed class EmbeddedAppBrowserTests : IAsyncLifetime
{
    private const string AdminOrigin = "https://admin.shopify.com";
    private const string AppOrigin = "https://app.cartrecovery.test";

    private const string FakeAppBridge = """
        window.shopify = {
          idToken: function () {
            return new Promise(function (resolve, reject) {
              var id = String(Math.random());
              function answer(event) {
                if (event.origin !== 'https://admin.shopify.com' || !event.data || event.data.id !== id) return;
                window.removeEventListener('message', answer);
                event.data.token ? resolve(event.data.token) : reject(new Error('no token'));
              }
              window.addEventListener('message', answer);
              window.parent.postMessage({ type: 'idToken', id: id }, 'https://admin.shopify.com');
            });
          }
        };
        (function () {
          var reload = new URLSearchParams(window.location.search).get('shopify-reload');
          if (!reload) return;
          window.shopify.idToken().then(function (token) {
            var url = new URL(reload, window.location.href);
            url.searchParams.set('id_token', token);
            window.location.replace(url.toString());
          });
        })();
        """;

    private HeadlessChromium _chromium = null!;
    private ShopifyHost _host = null!;
    private readonly List<IResponse> _appResponses = [];

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        // Deployed as in infra/: the public https address the browser reaches (the bounce page reloads pages there), a
        // proxy in front that terminates TLS and says so in X-Forwarded-Proto.
        _host = await ShopifyHost.StartAsync(new Dictionary<string, string?>
        {
            ["Recovery:PublicBaseUrl"] = $"{AppOrigin}/",
            ["FORWARDEDHEADERS_ENABLED"] = "true",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    private string AdminPage(Uri appUrl) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Shopify admin</title>
        <style>
          body { margin: 0; font: 14px sans-serif; background: #ebebeb; }
          header { height: 48px; background: #1a1a1a; color: #fff; display: flex; align-items: center; padding: 0 16px; }
          iframe { display: block; width: 100%; height: 900px; border: 0; }
        </style></head>
        <body><header>Shopify admin · {{_host.Shopify.ShopName}} · Apps › CartRecovery</header>
        <iframe src="{{appUrl.AbsoluteUri}}" title="CartRecovery"></iframe>
        <script>
          window.addEventListener('message', async function (event) {
            if (!event.data || event.data.type !== 'idToken') return;
            var token = await (await fetch('/test/session-token')).text();
            event.source.postMessage({ id: event.data.id, token: token }, event.origin);
          });
        </script></body></html>
        """;

    private async Task<IPage> OpenAdminAsync(string locale = "en")
    {
        var page = await _chromium.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var appUrl = _host.Shopify.BuildEmbeddedUrl(new Uri($"{AppOrigin}/app"), locale: locale);
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(AppOrigin, StringComparison.Ordinal))
                lock (_appResponses)
                    _appResponses.Add(response);
        };
        await page.Context.RouteAsync($"{AppOrigin}/**", async route =>
        {
            var local = new Uri(_host.BaseUrl, new Uri(route.Request.Url).PathAndQuery);
            // Forwarded as a TLS-terminating proxy forwards (the app trusts X-Forwarded-Proto from loopback, as deployed).
            var headers = new Dictionary<string, string>(route.Request.Headers) { ["X-Forwarded-Proto"] = "https" };
            var fetched = await route.FetchAsync(new RouteFetchOptions { Url = local.AbsoluteUri, MaxRedirects = 0, Headers = headers });
            // Playwright routes only the first request of a redirect chain: the browser's next request would miss this
            // forwarding. So the redirect is handed over as a page that goes on to its Location, through the route again.
            if (fetched.Status is >= 300 and < 400 && fetched.Headers.TryGetValue("location", out var location))
            {
                var next = System.Text.Json.JsonSerializer.Serialize(new Uri(new Uri(AppOrigin), location).AbsoluteUri);
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = $"<script>location.replace({next})</script>" });
                return;
            }
            await route.FulfillAsync(new RouteFulfillOptions { Response = fetched });
        });
        await page.Context.RouteAsync($"{AdminOrigin}/**", route =>
            route.Request.Url.EndsWith("/test/session-token", StringComparison.Ordinal)
                ? route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/plain", Body = _host.Shopify.MintSessionToken() })
                : route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = AdminPage(appUrl) }));
        await page.Context.RouteAsync(HostingAppBridge, route =>
            route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = FakeAppBridge }));
        await page.GotoAsync($"{AdminOrigin}/store/cartrecovery-test/apps/cartrecovery");
        return page;
    }

    private const string HostingAppBridge = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

    private IResponse LastPage(string path)
    {
        lock (_appResponses)
            return _appResponses.Last(r => new Uri(r.Url).AbsolutePath == path && r.Request.ResourceType == "document" && r.Status == 200);
    }

    [Fact]
    public async Task Dashboard_InTheAdminFrame_IsFramedForTheShopAndNavigatesAndPostsWithoutCookies()
    {
        var page = await OpenAdminAsync();
        var app = page.FrameLocator("iframe");

        await Assertions.Expect(app.Locator("h1")).ToHaveTextAsync(_host.Shopify.ShopName);
        var dashboard = LastPage("/app");
        Assert.EndsWith($"frame-ancestors https://{_host.Shopify.ShopDomain} https://admin.shopify.com",
            await dashboard.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        Assert.Equal(0, await app.Locator("header.topbar, #sidebar").CountAsync());
        await Assertions.Expect(app.Locator("ui-title-bar")).ToHaveAttributeAsync("title", _host.Shopify.ShopName);
        await HeadlessChromium.SaveScreenshotsAsync(page, "embedded-dashboard");

        // App Bridge's menu: a click on its Settings item (what the admin's navigation does).
        await app.Locator("ui-nav-menu a[href^='/app/settings']").EvaluateAsync("a => a.click()");
        await Assertions.Expect(app.Locator("h1")).ToHaveTextAsync("Settings");
        await app.Locator(".tabs a:text-is('Connection')").ClickAsync();
        await Assertions.Expect(app.Locator("button:has-text('Pause sending')")).ToBeVisibleAsync();
        Assert.Contains("embedded=1", new Uri(LastPage("/app/settings").Url).Query, StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "embedded-settings");

        // No cookie of ours is needed: the form carries a fresh session token instead.
        await page.Context.ClearCookiesAsync();
        await app.Locator("button:has-text('Pause sending')").ClickAsync();

        await Assertions.Expect(app.Locator(".banner.success")).ToHaveTextAsync("Sending is paused.");
        var store = await _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, _host.Shopify.ShopDomain, ShopifyHost.Ct);
        Assert.NotNull(store!.SendingPausedReason);
        Assert.Empty(await page.Context.CookiesAsync([AppOrigin]));
    }

    [Fact]
    public async Task Settings_InAFrenchAdmin_AreInFrench()
    {
        var page = await OpenAdminAsync(locale: "fr");
        var app = page.FrameLocator("iframe");
        await Assertions.Expect(app.Locator("h1")).ToHaveTextAsync(_host.Shopify.ShopName);

        await app.Locator("ui-nav-menu a[href^='/app/settings']").EvaluateAsync("a => a.click()");

        await Assertions.Expect(app.Locator("h1")).ToHaveTextAsync("Réglages");
        await Assertions.Expect(app.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await HeadlessChromium.SaveScreenshotsAsync(page, "embedded-settings-fr");
    }
}
