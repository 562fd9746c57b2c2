using System.Diagnostics;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.WooCommerce;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>
/// The storefront capture script in a real browser: the shop's checkout page (on the WooCommerce emulator) loads
/// <c>capture/{key}/script.js</c> from our host, reads the Store API cart on the shop's origin and posts it to us
/// cross-origin, so the script, the Store API's shape and our CORS answers are checked together.
/// </summary>
public sealed class CaptureScriptBrowserTests : IAsyncLifetime
{
    private const string Email = "lea@example.com";

    // Waits for a browser, not for a schedule: bounded, generous for a busy 2-core machine.
    private static readonly TimeSpan CaptureTimeout = TimeSpan.FromSeconds(15);
    // The script waits 800 ms after the last change before it sends; a few times that shows it sent nothing.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(3);

    private HeadlessChromium _chromium = null!;
    private WooCommerceHost _host = null!;
    private Store _store = null!;

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        _host = await WooCommerceHost.StartAsync();
        _store = (await _host.ConnectAsync()).Store!;
        _host.Shop.CaptureScriptUrl = ScriptUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    private static CancellationToken Ct => WooCommerceHost.Ct;

    private Uri ScriptUrl => new(_host.BaseUrl, $"capture/{_store.PublicKey}/script.js");

    private string CaptureUrl => new Uri(_host.BaseUrl, $"capture/{_store.PublicKey}").AbsoluteUri;

    /// <param name="minorUnit">The shop's "number of decimals", which the Store API reports as currency_minor_unit.</param>
    [Theory]
    [InlineData(2, 1250, 1250)]
    [InlineData(0, 13, 1300)]
    public async Task Script_WhenTheShopperConsentsAndTypesAnEmail_CapturesTheStoreApiCart(int minorUnit, long socksPrice, long socksCents)
    {
        var scale = (long)Math.Pow(10, minorUnit);
        _host.Shop.SetStorefrontCart(
        [
            new StorefrontCartItem(7701, "Trail Boots", 1, 145 * scale, "https://shop.example/wp-content/uploads/boots.jpg"),
            // The Store API sends names as HTML ("Wool Socks &#8211; Men&#8217;s"); the cart keeps the characters.
            new StorefrontCartItem(7702, "Wool Socks - Men's", 2, socksPrice),
        ], minorUnit);
        var page = await OpenCheckoutAsync(_host.Shop.BaseUrl);

        await page.CheckAsync("#cartrecovery-consent");
        await page.Locator("#billing_email").PressSequentiallyAsync(Email);
        await page.Locator("#billing_email").BlurAsync();

        var cart = await WaitForCartAsync();
        Assert.Equal(Email, cart.Contact.Email);
        Assert.Equal("EUR", cart.Currency);
        Assert.StartsWith("capture:", cart.ExternalId, StringComparison.Ordinal);
        Assert.Collection(cart.Lines.OrderBy(l => l.ProductId, StringComparer.Ordinal),
            boots =>
            {
                Assert.Equal(("Trail Boots", 1, 14500L, "7701"), (boots.Title, boots.Quantity, boots.UnitPriceMinor, boots.ProductId));
                Assert.Equal("https://shop.example/wp-content/uploads/boots.jpg", boots.ImageUrl);
            },
            socks => Assert.Equal(("Wool Socks \u2013 Men\u2019s", 2, socksCents, "7702"), (socks.Title, socks.Quantity, socks.UnitPriceMinor, socks.ProductId)));
        Assert.Equal(14500 + (2 * socksCents), cart.TotalMinor);
    }

    [Fact]
    public async Task Script_WithPhoneAndTheSmsCheckbox_CapturesThePhoneAsTypedAndTheSmsConsent()
    {
        _host.Shop.SetStorefrontCart([new StorefrontCartItem(7701, "Trail Boots", 1, 14500)]);
        var page = await OpenCheckoutAsync(_host.Shop.BaseUrl);

        await page.Locator("#billing_phone").PressSequentiallyAsync("06 12 34 56 78");
        await page.CheckAsync("#cartrecovery-sms-consent");
        await page.CheckAsync("#cartrecovery-consent");
        await page.Locator("#billing_email").PressSequentiallyAsync(Email);
        await page.Locator("#billing_email").BlurAsync();

        var cart = await WaitForCartAsync();
        Assert.Equal(("06 12 34 56 78", true, true), (cart.Contact.Phone, cart.Contact.AcceptsSms, cart.Contact.AcceptsMarketing));
    }

    [Fact]
    public async Task Script_WithoutTheSmsCheckboxTicked_ReportsNoSmsConsent()
    {
        _host.Shop.SetStorefrontCart([new StorefrontCartItem(7701, "Trail Boots", 1, 14500)]);
        var page = await OpenCheckoutAsync(_host.Shop.BaseUrl);

        await page.Locator("#billing_phone").PressSequentiallyAsync("+33 6 12 34 56 78");
        await page.CheckAsync("#cartrecovery-consent");
        await page.Locator("#billing_email").PressSequentiallyAsync(Email);
        await page.Locator("#billing_email").BlurAsync();

        var cart = await WaitForCartAsync();
        Assert.Equal(("+33 6 12 34 56 78", false), (cart.Contact.Phone, cart.Contact.AcceptsSms));
    }

    [Fact]
    public async Task Script_WithoutConsent_SendsAndStoresNothing()
    {
        _host.Shop.SetStorefrontCart([new StorefrontCartItem(7701, "Trail Boots", 1, 14500)]);
        var page = await OpenCheckoutAsync(_host.Shop.BaseUrl);
        var captureRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(CaptureUrl, StringComparison.Ordinal))
                lock (captureRequests)
                    captureRequests.Add(request.Method);
        };

        await page.Locator("#billing_email").PressSequentiallyAsync(Email);
        await page.Locator("#billing_email").BlurAsync();

        await AssertNothingStoredForAsync(QuietPeriod);
        lock (captureRequests)
            Assert.Empty(captureRequests);
    }

    [Fact]
    public async Task Script_OnAPageOfAnotherOrigin_IsRefusedByCorsAndStoresNothing()
    {
        // Another site (a different port is a different origin) copied the store's script tag.
        await using var foreign = await WooCommerceEmulator.StartAsync(ct: Ct);
        foreign.CaptureScriptUrl = ScriptUrl;
        foreign.SetStorefrontCart([new StorefrontCartItem(7701, "Trail Boots", 1, 14500)]);
        var page = await OpenCheckoutAsync(foreign.BaseUrl);
        var post = new TaskCompletionSource<(IRequest Request, bool Failed)>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFailed += (_, request) =>
        {
            if (request.Url == CaptureUrl && request.Method == "POST")
                post.TrySetResult((request, true));
        };
        page.RequestFinished += (_, request) =>
        {
            if (request.Url == CaptureUrl && request.Method == "POST")
                post.TrySetResult((request, false));
        };

        await page.CheckAsync("#cartrecovery-consent");
        await page.Locator("#billing_email").PressSequentiallyAsync(Email);
        await page.Locator("#billing_email").BlurAsync();

        // The browser did try (so the script ran and read the foreign cart) and CORS stopped it at the preflight.
        var (request, failed) = await post.Task.WaitAsync(CaptureTimeout, Ct);
        Assert.True(failed, $"The capture POST from {foreign.BaseUrl} went through: {(await request.ResponseAsync())?.Status}");
        Assert.Empty(await CartsAsync());
    }

    /// <summary>
    /// The exit question, switched on by the merchant: once the cart was captured, the pointer leaving the top of the
    /// checkout page opens the small dialog in the page's language; a click records the reason like the email's link.
    /// </summary>
    [Theory]
    [InlineData("en-US", "Before you go — what stopped you?", "Shipping cost", "exit-question")]
    [InlineData("fr-FR", "Avant de partir\u00a0: qu'est-ce qui vous a retenu\u00a0?", "Les frais de livraison", "exit-question-fr")]
    public async Task Script_WhenTheExitQuestionIsOn_AsksAsThePointerLeavesTheTop_AndRecordsTheClickedReason(string lang, string title, string shipping, string shot)
    {
        await _host.App.Service<WooCommerceExitQuestion>().SetAsync(_store.Id, true, Ct);
        _host.Shop.SetStorefrontCart([new StorefrontCartItem(7701, "Trail Boots", 1, 14500)]);
        var page = await OpenCheckoutAsync(_host.Shop.BaseUrl);
        await page.EvaluateAsync("lang => document.documentElement.lang = lang", lang);
        await CaptureOnAsync(page);
        var cart = await WaitForCartAsync();

        await page.Mouse.MoveAsync(640, 300);
        await page.Mouse.MoveAsync(640, -5);

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = title });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal(LeaveReasonSlugs.All.Select(r => LeaveReasonWords.Label(r, lang)), await dialog.Locator("button[data-reason]").AllTextContentsAsync());
        await Assertions.Expect(dialog.Locator("button[data-reason]").First).ToBeFocusedAsync();
        await HeadlessChromium.SaveScreenshotsAsync(page, shot);

        var answered = page.WaitForResponseAsync(r => r.Url == CaptureUrl + "/reason" && r.Request.Method == "POST");
        await dialog.GetByRole(AriaRole.Button, new() { Name = shipping }).ClickAsync();
        Assert.Equal(204, (await answered).Status);
        Assert.Equal(LeaveReason.ShippingCost, await _host.App.Service<ILeaveReasonRepository>().GetAsync(cart.Id, Ct));
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 10_000 });

        // Once per visit: leaving the top again asks nothing more.
        await page.Mouse.MoveAsync(640, 300);
        await page.Mouse.MoveAsync(640, -5);
        await Task.Delay(300, Ct);
        Assert.Equal(0, await page.GetByRole(AriaRole.Dialog).CountAsync());
    }

    [Fact]
    public async Task Script_ExitQuestion_ClosesOnEscape_HandsFocusBack_AndIsNeverAskedWhenOff()
    {
        _host.Shop.SetStorefrontCart([new StorefrontCartItem(7701, "Trail Boots", 1, 14500)]);
        var off = await OpenCheckoutAsync(_host.Shop.BaseUrl);
        await CaptureOnAsync(off);
        await off.Mouse.MoveAsync(640, 300);
        await off.Mouse.MoveAsync(640, -5);
        await Task.Delay(300, Ct);
        Assert.Equal(0, await off.GetByRole(AriaRole.Dialog).CountAsync());

        await _host.App.Service<WooCommerceExitQuestion>().SetAsync(_store.Id, true, Ct);
        var page = await OpenCheckoutAsync(_host.Shop.BaseUrl);
        await CaptureOnAsync(page);
        await page.Locator("#billing_email").FocusAsync();
        await page.Mouse.MoveAsync(640, 300);
        await page.Mouse.MoveAsync(640, -5);
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#billing_email")).ToBeFocusedAsync();
        var counts = await _host.App.Service<ILeaveReasonRepository>().CountAsync(_store.Id, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Ct);
        Assert.Empty(counts);
    }

    /// <summary>The shopper consents and types their email; returns once our host accepted the capture post.</summary>
    private async Task CaptureOnAsync(IPage page)
    {
        var captured = page.WaitForResponseAsync(r => r.Url == CaptureUrl && r.Request.Method == "POST");
        await page.CheckAsync("#cartrecovery-consent");
        await page.Locator("#billing_email").FillAsync(Email);
        await page.Locator("#billing_email").BlurAsync();
        Assert.True((await captured).Ok);
    }

    /// <summary>Opens the shop's checkout page and checks that our script was served to it (async scripts run before load).</summary>
    private async Task<IPage> OpenCheckoutAsync(Uri shop)
    {
        var page = await _chromium.NewPageAsync();
        var script = page.WaitForResponseAsync(ScriptUrl.AbsoluteUri);
        var response = await page.GotoAsync(new Uri(shop, "checkout/").AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response?.Ok, $"The checkout page answered {response?.Status}");
        Assert.True((await script).Ok, "The capture script was not served");
        return page;
    }

    private Task<IReadOnlyList<Cart>> CartsAsync() => _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct);

    private async Task<Cart> WaitForCartAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var carts = await CartsAsync();
            if (carts.Count > 0)
                return Assert.Single(carts);
            if (clock.Elapsed > CaptureTimeout)
                Assert.Fail($"No cart was captured within {CaptureTimeout.TotalSeconds} s of the shopper leaving the email field.");
            await Task.Delay(100, Ct);
        }
    }

    private async Task AssertNothingStoredForAsync(TimeSpan period)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < period)
        {
            Assert.Empty(await CartsAsync());
            await Task.Delay(100, Ct);
        }
        Assert.Empty(await CartsAsync());
    }
}
