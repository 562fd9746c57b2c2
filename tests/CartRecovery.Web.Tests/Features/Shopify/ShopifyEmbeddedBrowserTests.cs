using System.Net;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.Shopify;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Features.Shopify;

/// <summary>
/// The embedded app in a real browser, framed by a page playing the Shopify admin (served at https://admin.shopify.com
/// through Playwright's routing). App Bridge's CDN address is routed to a small stand-in whose <c>shopify.idToken()</c>
/// asks the parent frame for a token, as App Bridge does; the "admin" answers with a session token the test mints.
/// The app itself is reached at a public https address (<see cref="AppOrigin"/>) forwarded to the host on loopback, as
/// a deployed app would be: Chromium refuses to let a public page frame a loopback address.
/// </summary>
public sealed class ShopifyEmbeddedBrowserTests : IAsyncLifetime
{
    private const string AdminOrigin = "https://admin.shopify.com";
    private const string AppOrigin = "https://app.cartrecovery.test";

    // App Bridge's part: postMessage to the admin, wait for its answer. Nothing here knows how tokens are made.
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
        """;

    private HeadlessChromium _chromium = null!;
    private ShopifyHost _host = null!;
    private int _tokensIssued;

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        _host = await ShopifyHost.StartAsync();
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
          iframe { display: block; width: 100%; height: 760px; border: 0; }
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
        var appUrl = _host.Shopify.BuildEmbeddedUrl(new Uri($"{AppOrigin}/shopify"), locale: locale);
        await page.Context.RouteAsync($"{AppOrigin}/**", async route =>
        {
            var local = new Uri(_host.BaseUrl, new Uri(route.Request.Url).PathAndQuery);
            await route.FulfillAsync(new RouteFulfillOptions { Response = await route.FetchAsync(new RouteFetchOptions { Url = local.AbsoluteUri }) });
        });
        await page.Context.RouteAsync($"{AdminOrigin}/**", route =>
        {
            if (route.Request.Url.EndsWith("/test/session-token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _tokensIssued);
                return route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/plain", Body = _host.Shopify.MintSessionToken() });
            }
            return route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = AdminPage(appUrl) });
        });
        await page.Context.RouteAsync("https://cdn.shopify.com/shopifycloud/app-bridge.js", route =>
            route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = FakeAppBridge }));
        return page;
    }

    [Fact]
    public async Task EmbeddedPage_OpenedInTheAdmin_InstallsTheShopShowsTheSummaryAndCallsTheApiWithTheSessionToken()
    {
        var page = await OpenAdminAsync();
        var summaryCall = page.WaitForResponseAsync(r => r.Url.EndsWith("/summary", StringComparison.Ordinal));

        await page.GotoAsync($"{AdminOrigin}/store/cartrecovery-test/apps/cartrecovery");
        var app = page.FrameLocator("iframe");
        await Assertions.Expect(app.Locator("h1")).ToHaveTextAsync("Cart recovery");
        var response = await summaryCall;
        await Assertions.Expect(app.Locator("#live")).ToHaveTextAsync("Up to date.");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("Bearer eyJ", await response.Request.HeaderValueAsync("authorization"), StringComparison.Ordinal);
        Assert.Equal(1, _tokensIssued);
        var store = await _host.App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, _host.Shopify.ShopDomain, ShopifyHost.Ct);
        Assert.Equal(StoreStatus.Active, store?.Status);
        Assert.Single(_host.Shopify.Requests, r => r.Path == "/admin/oauth/access_token");
        await HeadlessChromium.SaveScreenshotsAsync(page, "shopify-embedded-first-open");
    }

    [Fact]
    public async Task EmbeddedPage_AfterCartsWereRecovered_ShowsTheFiguresInFrench()
    {
        var first = await OpenAdminAsync();
        await first.GotoAsync($"{AdminOrigin}/store/cartrecovery-test/apps/cartrecovery");
        await Assertions.Expect(first.FrameLocator("iframe").Locator("#live")).ToHaveTextAsync("Up to date.");
        await first.CloseAsync();
        var checkout = _host.AddBootsCheckout(price: "1450.00");
        await _host.AbandonAndSendTwoStepsAsync(checkout.Id);
        _host.App.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal([HttpStatusCode.OK], await _host.Shopify.TriggerWebhookAsync("orders/create",
            _host.Shopify.OrderPayload(checkout.Id, 9_100_000_001, "1305.00", Assert.Single(_host.Shopify.Discounts).Code)));
        await _host.ProcessWebhooksAsync();

        var page = await OpenAdminAsync(locale: "fr");
        await page.GotoAsync($"{AdminOrigin}/store/cartrecovery-test/apps/cartrecovery");
        var app = page.FrameLocator("iframe");

        await Assertions.Expect(app.Locator("#live")).ToHaveTextAsync("Chiffres à jour.");
        await Assertions.Expect(app.Locator("[data-field=abandoned]")).ToHaveTextAsync("1");
        await Assertions.Expect(app.Locator("[data-field=sent]")).ToHaveTextAsync("2");
        await Assertions.Expect(app.Locator("[data-field=recovered]")).ToHaveTextAsync("1");
        await Assertions.Expect(app.Locator("[data-field=revenue]")).ToHaveTextAsync("1\u202f305,00 EUR");
        await HeadlessChromium.SaveScreenshotsAsync(page, "shopify-embedded-fr");
    }
}
