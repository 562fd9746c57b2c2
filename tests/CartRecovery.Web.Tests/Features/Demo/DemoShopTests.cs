using System.Net;
using System.Net.Http.Json;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Demo;

public sealed class DemoShopTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new(demo: true);
    private readonly RecoveryDriver _drive;

    public DemoShopTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task DemoStore_WhenSeededAndSeededAgainLater_KeepsItsFirstCreationTime()
    {
        using var api = _app.AdminClient();
        var seededAt = _app.Time.GetUtcNow();

        var first = await CreatedAtAsync(api);
        _drive.Advance(TimeSpan.FromDays(3));
        await _app.DemoStoreAsync();

        Assert.Equal(seededAt.ToUnixTimeMilliseconds(), first.ToUnixTimeMilliseconds());
        Assert.Equal(first, await CreatedAtAsync(api));
    }

    private async Task<DateTimeOffset> CreatedAtAsync(HttpClient api)
    {
        var stores = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/stores", _drive.Ct);
        return stores.EnumerateArray().Single(s => s.GetProperty("platform").GetString() == Platforms.Demo).GetProperty("createdAt").GetDateTimeOffset();
    }

    [Fact]
    public async Task DemoMode_OverTwoSimulatedMinutes_ProducesEmailsClicksAndRecoveries()
    {
        var store = (await _app.Service<IStoreRepository>().FindAsync(Platforms.Demo, DemoCatalog.StoreKey, _drive.Ct))!;
        var poller = _app.Service<IEnumerable<IStorePoller>>().Single(p => p.Platform == Platforms.Demo);
        // The demo's seeded history counts emails that were never written to the pickup folder.
        var history = (await _app.Service<IMetricsQuery>().GetAsync([store.Id], _drive.Ct)).EmailsSent;

        // What the poll, detection and dispatch jobs do, a simulated second at a time.
        for (var second = 0; second < 120; second++)
        {
            await poller.PollAsync(store, _drive.Ct);
            await _drive.DetectAsync();
            await _drive.DispatchAsync();
            _drive.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.NotEmpty(_app.PickedUpEmails());
        var metrics = await _app.Service<IMetricsQuery>().GetAsync([store.Id], _drive.Ct);
        Assert.True(metrics.AbandonedCarts > 0, "no cart was abandoned");
        Assert.True(metrics.EmailsSent > 0, "no email was sent");
        Assert.True(metrics.Clicked > 0, "no restore link was clicked");
        Assert.True(metrics.RecoveredOrders > 0, "no cart was recovered");
        Assert.True(metrics.UnassistedOrders > 0, "no shopper bought right away");
        Assert.Equal(metrics.EmailsSent - history, _app.PickedUpEmails().Length);
    }

    [Fact]
    public async Task FirstEmail_ArrivesWithinAMinuteOfStart()
    {
        var store = (await _app.Service<IStoreRepository>().FindAsync(Platforms.Demo, DemoCatalog.StoreKey, _drive.Ct))!;
        var poller = _app.Service<IEnumerable<IStorePoller>>().Single(p => p.Platform == Platforms.Demo);

        // The demo's own job cadence: polls and dispatch every 5 s, detection every 5 s (appsettings of --demo).
        var seconds = 0;
        for (; seconds <= 60 && _app.PickedUpEmails().Length == 0; seconds += 5)
        {
            await poller.PollAsync(store, _drive.Ct);
            await _drive.DetectAsync();
            await _drive.DispatchAsync();
            _drive.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.True(_app.PickedUpEmails().Length > 0, "no email within 60 simulated seconds");
    }

    [Fact]
    public async Task DemoPages_RenderWithoutErrors()
    {
        var client = _app.BrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/products/ridgeline-down-jacket", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/products/ALP-JKT-M", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/demo/products/no-such-product", _drive.Ct)).StatusCode);
        Assert.Equal("text/css", (await client.GetAsync("/demo/assets/shop.css", _drive.Ct)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/cart", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/demo/cart/no-such-cart", _drive.Ct)).StatusCode);
        // A form post without its antiforgery token is refused before anything is looked up.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/demo/cart/no-such-cart/order", null, _drive.Ct)).StatusCode);
    }

    [Fact]
    public async Task Thumbnail_IsAPngThatEmailClientsShow()
    {
        var client = _app.BrowserClient();

        var png = await client.GetAsync("/demo/images/ALP-JKT-M.png", _drive.Ct);
        var bytes = await png.Content.ReadAsByteArrayAsync(_drive.Ct);
        var oldLink = await client.GetAsync("/demo/images/ALP-JKT-M.svg", _drive.Ct);

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        // IHDR: width and height, 8-bit truecolour.
        Assert.Equal(DemoThumbnails.Size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(DemoThumbnails.Size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(HttpStatusCode.MovedPermanently, oldLink.StatusCode);
        Assert.Equal("/demo/images/ALP-JKT-M.png", oldLink.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/demo/images/NO-SUCH.png", _drive.Ct)).StatusCode);
    }

    [Fact]
    public async Task Shoppers_OverTwoSimulatedMinutes_NeverPutOneVariantOnTwoLines()
    {
        var store = await PlayAsync(seconds: 120);

        var carts = await ShopperCartsAsync(store);
        Assert.True(carts.Count >= 10, $"only {carts.Count} shoppers");
        Assert.All(carts, cart => Assert.Equal(cart.Lines.Count, cart.Lines.DistinctBy(l => l.VariantId).Count()));
        Assert.All(carts.SelectMany(c => c.Lines), line => Assert.EndsWith(".png", line.ImageUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shoppers_OneInFive_AreFrenchAndGetFrenchEmails()
    {
        var store = await PlayAsync(seconds: 120);

        var carts = await ShopperCartsAsync(store);
        var french = carts.Where(c => c.Contact.Locale == "fr").ToList();
        Assert.Equal(carts.Count / 5, french.Count);
        Assert.All(french, cart => Assert.Equal("FR", cart.Contact.Country));
        var emails = _app.PickedUpEmails().Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        var frenchEmail = Assert.Single(emails, e => e.To.Mailboxes.Single().Address == french[0].Contact.Email && e.MessageId?.Contains(".step-1.", StringComparison.Ordinal) == true);
        Assert.Contains("votre panier chez", frenchEmail.Subject ?? "", StringComparison.Ordinal);
        Assert.Contains(" €", (frenchEmail.TextBody ?? "").Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    /// <summary>What the poll, detection and dispatch jobs do, a simulated second at a time.</summary>
    private async Task<Store> PlayAsync(int seconds)
    {
        var store = (await _app.Service<IStoreRepository>().FindAsync(Platforms.Demo, DemoCatalog.StoreKey, _drive.Ct))!;
        var poller = _app.Service<IEnumerable<IStorePoller>>().Single(p => p.Platform == Platforms.Demo);
        for (var second = 0; second < seconds; second++)
        {
            await poller.PollAsync(store, _drive.Ct);
            await _drive.DetectAsync();
            await _drive.DispatchAsync();
            _drive.Advance(TimeSpan.FromSeconds(1));
        }
        return store;
    }

    /// <summary>The carts of the simulated shoppers (not the seeded history).</summary>
    private async Task<List<Cart>> ShopperCartsAsync(Store store) =>
        (await _app.Service<ICartRepository>().ListAsync(new CartQuery(store.Id, Take: 5000), _drive.Ct))
            .Where(c => c.ExternalId.StartsWith("demo-", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task CartPage_WithAnIssuedCode_ShowsTheDiscountAndOrdersAtTheDiscountedTotal()
    {
        var store = (await _app.Service<IStoreRepository>().FindAsync(Platforms.Demo, DemoCatalog.StoreKey, _drive.Ct))!;
        await _drive.ReportCartAsync(store, "chk-code");
        var cart = (await _drive.CartAsync(store, "chk-code"))!;
        var offer = await _app.Service<IEnumerable<IStorefront>>().Single(s => s.Platform == Platforms.Demo)
            .IssueOfferAsync(store, cart, new(Core.Sequences.OfferKind.Percentage, 10, TimeSpan.FromDays(2)), _app.Time.GetUtcNow().AddDays(2), _drive.Ct);

        var browser = _app.BrowserClient();
        var page = await browser.GetStringAsync($"/demo/cart/chk-code?discount={offer.Code}", _drive.Ct);
        var order = await _drive.PlaceDemoOrderAsync(browser, "chk-code", offer.Code);

        Assert.Contains(offer.Code, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Equal(18900 - 1890, (await _drive.CartAsync(store, "chk-code"))!.OrderTotalMinor);
    }
}
