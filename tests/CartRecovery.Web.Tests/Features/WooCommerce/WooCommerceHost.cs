using System.Net;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>The real host on loopback HTTP beside a WooCommerce emulator (which calls back: keys, pings, webhooks).</summary>
internal sealed class WooCommerceHost : IAsyncDisposable
{
    private WooCommerceHost(WooCommerceEmulator shop, CartRecoveryAppFactory app)
    {
        Shop = shop;
        App = app;
    }

    public WooCommerceEmulator Shop { get; }
    public CartRecoveryAppFactory App { get; }
    public Uri BaseUrl => App.BaseUrl;
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WooCommerceHost> StartAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        // Loopback is plain HTTP: the emulator checks OAuth 1.0a signatures as WooCommerce does over HTTP, and accepts
        // an http callback (real shops insist on https).
        var shop = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { AllowHttpCallback = true, Time = time }, Ct);
        return new WooCommerceHost(shop, CartRecoveryAppFactory.StartOnLoopback(time: time));
    }

    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl };

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);
        return client;
    }

    /// <summary>Connect form (the owner's email) → shop approval (the emulator POSTs the keys to our callback) → return page.</summary>
    public async Task<(HttpResponseMessage Return, Store? Store)> ConnectAsync(HttpClient? browser = null, string email = "merchant@shop.example")
    {
        using var own = browser is null ? Browser() : null;
        var client = browser ?? own!;
        var start = await StartAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var back = await ApproveAsync(client, start.Headers.Location!);
        var stores = await App.Service<IStoreRepository>().ListAsync(Ct);
        return (back, stores.SingleOrDefault(s => s.Platform == Platforms.WooCommerce));
    }

    /// <summary>The connect form for the emulated shop, posted (with the email when nobody is signed in).</summary>
    public async Task<HttpResponseMessage> StartAsync(HttpClient browser, string? email)
    {
        var page = $"/connect/woocommerce?site={Uri.EscapeDataString(Shop.BaseUrl.AbsoluteUri)}";
        var fields = new List<(string, string)> { ("site", Shop.BaseUrl.AbsoluteUri) };
        if (email is not null)
            fields.Add(("email", email));
        return await SignIn.SignInDriver.SubmitAsync(browser, page, "/connect/woocommerce", [.. fields]);
    }

    /// <summary>The merchant approves in the shop (which calls our callback) and is sent back to our return page.</summary>
    public static async Task<HttpResponseMessage> ApproveAsync(HttpClient browser, Uri approvalPage)
    {
        var approval = await browser.GetAsync(approvalPage, Ct);
        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        return await browser.GetAsync(approval.Headers.Location, Ct);
    }

    public Task<int> ProcessWebhooksAsync() => App.Service<WebhookProcessor>().RunOnceAsync(50, Ct);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Shop.DisposeAsync();
    }
}
