using System.Net;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>The real host on loopback HTTP beside a WooCommerce emulator (which calls back: keys, pings, webhooks).</summary>
internal sealed class WooCommerceHost : IAsyncDisposable
{
    private WooCommerceHost(WooCommerceEmulator shop, CartRecoveryAppFactory app, Uri baseUrl)
    {
        Shop = shop;
        App = app;
        BaseUrl = baseUrl;
    }

    public WooCommerceEmulator Shop { get; }
    public CartRecoveryAppFactory App { get; }
    public Uri BaseUrl { get; }
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WooCommerceHost> StartAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        // Loopback is plain HTTP: the emulator checks OAuth 1.0a signatures as WooCommerce does over HTTP, and accepts
        // an http callback (real shops insist on https).
        var shop = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { AllowHttpCallback = true, Time = time }, Ct);
        var port = CartRecoveryAppFactory.FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var app = new CartRecoveryAppFactory(time: time, kestrelPort: port, settings: new Dictionary<string, string?>
        {
            ["Recovery:PublicBaseUrl"] = baseUrl.AbsoluteUri,
        });
        app.StartServer();
        return new WooCommerceHost(shop, app, baseUrl);
    }

    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl };

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);
        return client;
    }

    /// <summary>Connect → shop approval (the emulator POSTs the keys to our callback) → return page.</summary>
    public async Task<(HttpResponseMessage Return, Store? Store)> ConnectAsync()
    {
        using var browser = Browser();
        var start = await browser.GetAsync($"/connect/woocommerce?site={Uri.EscapeDataString(Shop.BaseUrl.AbsoluteUri)}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var approval = await browser.GetAsync(start.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        var back = await browser.GetAsync(approval.Headers.Location, Ct);
        var stores = await App.Service<IStoreRepository>().ListAsync(Ct);
        return (back, stores.SingleOrDefault(s => s.Platform == Platforms.WooCommerce));
    }

    public Task<int> ProcessWebhooksAsync() => App.Service<WebhookProcessor>().RunOnceAsync(50, Ct);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Shop.DisposeAsync();
    }
}
