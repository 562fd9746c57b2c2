using System.Net;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests.Features.Shopify;

/// <summary>
/// The real host on real loopback HTTP (so the emulator can call its webhooks) next to a Shopify emulator; one fake
/// clock drives both. Installs the app the way a merchant does: install link, consent, callback.
/// </summary>
internal sealed class ShopifyHost : IAsyncDisposable
{
    private ShopifyHost(ShopifyEmulator shopify, CartRecoveryAppFactory app)
    {
        Shopify = shopify;
        App = app;
        Browser = NewBrowser();
    }

    public ShopifyEmulator Shopify { get; }
    public CartRecoveryAppFactory App { get; }
    public Uri BaseUrl => App.BaseUrl;
    public HttpClient Browser { get; }
    public Uri WebhookUrl => new(BaseUrl, "webhooks/shopify");
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="settings">More configuration for the host (billing plans, …).</param>
    /// <param name="services">Last-word service changes (a log capture, a trace exporter).</param>
    public static async Task<ShopifyHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        // Whole seconds, as Shopify's timestamps are: no sub-second drift between our clock and the platform's.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var shopify = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = time });
        var all = new Dictionary<string, string?>
        {
            ["Shopify:ClientId"] = shopify.ClientId,
            ["Shopify:ClientSecret"] = shopify.ClientSecret,
            ["Shopify:ApiBaseUrl"] = shopify.BaseUrl.AbsoluteUri,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new ShopifyHost(shopify, CartRecoveryAppFactory.StartOnLoopback(all, time, services: services));
    }

    /// <summary>A browser with its own cookie jar that does not follow redirects (each hop is asserted).</summary>
    public HttpClient NewBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl };

    /// <summary>Install link → Shopify consent → callback, as the merchant's browser walks it. Returns the callback response.</summary>
    public async Task<HttpResponseMessage> InstallAsync(HttpClient? browser = null)
    {
        browser ??= Browser;
        var start = await browser.GetAsync(Shopify.BuildInstallUrl(new Uri(BaseUrl, "auth/shopify")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var consent = await browser.GetAsync(start.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return await browser.GetAsync(consent.Headers.Location, Ct);
    }

    public async Task<Store> InstalledStoreAsync()
    {
        var callback = await InstallAsync();
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        return (await App.Service<IStoreRepository>().FindAsync(Platforms.Shopify, Shopify.ShopDomain, Ct))!;
    }

    /// <summary>A checkout by Lena (who accepts marketing) for one pair of Trail Boots at <paramref name="price"/>.</summary>
    public ShopifyEmulatorCheckout AddBootsCheckout(long id = 7001, string price = "145.00") => Shopify.AddCheckout(new ShopifyEmulatorCheckout
    {
        Id = id,
        Email = "lena@example.com",
        FirstName = "Lena",
        AcceptsMarketing = true,
        Lines = [new ShopifyEmulatorLine(4401, 7701, "Trail Boots", "EU 42", "BOOT-42", 1, price, "https://cdn.example/boots.png")],
    });

    /// <summary>
    /// checkouts/create for the checkout, then idle past the 15-minute cut-off (abandoned), the first step an hour
    /// later and the offer step a day later, each sent. The hourly Shopify token has expired by the second step:
    /// sending refreshes it through the rotating refresh token.
    /// </summary>
    public async Task AbandonAndSendTwoStepsAsync(long checkoutId)
    {
        Assert.Equal([HttpStatusCode.OK], await Shopify.TriggerWebhookAsync("checkouts/create", Shopify.CheckoutPayload(checkoutId)));
        Assert.Equal(1, await ProcessWebhooksAsync());
        App.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await App.Service<AbandonmentDetector>().RunOnceAsync(Ct));
        App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await App.Service<MessageDispatcher>().RunOnceAsync(Ct)).Sent);
        App.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(1, (await App.Service<MessageDispatcher>().RunOnceAsync(Ct)).Sent);
    }

    /// <summary>What the webhook processing job does.</summary>
    public Task<int> ProcessWebhooksAsync() => App.Service<WebhookProcessor>().RunOnceAsync(50, Ct);

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await App.DisposeAsync();
        await Shopify.DisposeAsync();
    }
}
