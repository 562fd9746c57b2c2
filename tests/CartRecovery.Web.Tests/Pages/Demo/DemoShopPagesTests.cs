using CartRecovery.Core.Carts;
using CartRecovery.Web.Tests.Browser;
using MimeKit;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Demo;

/// <summary>
/// The demo shop in Chromium, as a newcomer uses it: fill a cart, check out with an email, leave, get the reminder in
/// the pickup folder, then find the cart in the app.
/// </summary>
public sealed class DemoShopPagesTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task Visitor_WhoChecksOutAndLeaves_GetsTheEmailAndTheMerchantSeesTheCart()
    {
        var shopper = await ShopperAsync("en-US");
        await shopper.GotoAsync(_site.Url("demo/"));
        await HeadlessChromium.SaveScreenshotsAsync(shopper, "demo-shop-home");

        // The jacket from the grid (its first size), the beanie twice from its own page: two lines, not three.
        await shopper.Locator("article.product-card", new() { HasText = "Ridgeline Down Jacket" }).GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await shopper.WaitForURLAsync(_site.Url("demo/cart"));
        for (var i = 0; i < 2; i++)
        {
            await shopper.GotoAsync(_site.Url("demo/products/merino-beanie"));
            await shopper.FillAsync("input[name=quantity]", "2");
            await shopper.ClickAsync("form.add-to-cart button");
            await shopper.WaitForURLAsync(_site.Url("demo/cart"));
        }
        Assert.Equal(2, await shopper.Locator("table.lines tr").CountAsync());
        Assert.Equal("4", await shopper.InputValueAsync("tr:has-text('Merino Beanie') input[name=quantity]"));
        Assert.Contains("€305.00", await shopper.InnerTextAsync(".total-row"), StringComparison.Ordinal);
        await AssertImagesShowAsync(shopper, "table.lines img");
        await HeadlessChromium.SaveScreenshotsAsync(shopper, "demo-shop-cart");

        await shopper.ClickAsync("a.button:has-text('Checkout')");
        await shopper.FillAsync("#email", "visitor");
        await shopper.FillAsync("#firstName", "Ana");
        await shopper.ClickAsync("button:has-text('Continue to payment')");
        Assert.Equal("true", await shopper.GetAttributeAsync("#email", "aria-invalid"));
        await HeadlessChromium.SaveScreenshotsAsync(shopper, "demo-shop-checkout-error");
        await shopper.FillAsync("#email", "visitor@example.com");
        await shopper.FillAsync("#lastName", "Lima");
        await shopper.CheckAsync("#consent");
        await shopper.ClickAsync("button:has-text('Continue to payment')");
        await shopper.WaitForURLAsync(url => url.Contains("/demo/cart/web-", StringComparison.Ordinal));
        Assert.True(await shopper.IsVisibleAsync("button:has-text('Place order')"));
        Assert.Contains("visitor@example.com", await shopper.InnerTextAsync(".panel.hint"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(shopper, "demo-shop-payment");

        var externalId = new Uri(shopper.Url).Segments[^1];
        await LeaveAsync();
        var email = MimeMessage.Load(Assert.Single(_site.App.PickedUpEmails()), AppSite.Ct);
        Assert.Equal("visitor@example.com", email.To.Mailboxes.Single().Address);
        Assert.Contains("€305.00", email.TextBody, StringComparison.Ordinal);

        var store = await _site.DemoStoreAsync();
        var cart = (await _site.App.Service<ICartRepository>().FindAsync(store.Id, externalId, AppSite.Ct))!;
        Assert.Equal(CartStatus.Abandoned, cart.Status);
        var merchant = await _site.SignInAsync();
        await merchant.GotoAsync(_site.Url("app/carts?email=visitor%40example.com"));
        Assert.Contains("visitor@example.com", await merchant.InnerTextAsync("main"), StringComparison.Ordinal);
        await merchant.GotoAsync(_site.Url($"app/carts/{cart.Id}"));
        Assert.Contains("Merino Beanie", await merchant.InnerTextAsync("table.cart-lines"), StringComparison.Ordinal);
        await AssertImagesShowAsync(merchant, "table.cart-lines img.thumb");
        await HeadlessChromium.SaveScreenshotsAsync(merchant, "demo-app-cart");
    }

    [Fact]
    public async Task FrenchVisitor_ShopsInFrenchAndGetsAFrenchEmail()
    {
        var shopper = await ShopperAsync("fr-FR");
        await shopper.GotoAsync(_site.Url("demo/products/ridgeline-down-jacket"));
        await shopper.SelectOptionAsync("select[name=sku]", "ALP-JKT-L");
        await shopper.ClickAsync("button:has-text('Ajouter au panier')");
        await shopper.WaitForURLAsync(_site.Url("demo/cart"));
        Assert.Contains("Taille L / Braise", await shopper.InnerTextAsync("table.lines"), StringComparison.Ordinal);
        await shopper.ClickAsync("a.button:has-text('Passer à la caisse')");
        await shopper.FillAsync("#email", "chloe@example.com");
        await shopper.FillAsync("#firstName", "Chloé");
        await shopper.FillAsync("#phone", "06 12 34 56 78");
        await shopper.CheckAsync("#smsConsent");
        Assert.Contains("Recevoir des SMS", await shopper.InnerTextAsync("label[for=smsConsent]"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(shopper, "demo-shop-fr-checkout");
        await shopper.ClickAsync("button:has-text('Continuer vers le paiement')");
        await shopper.WaitForURLAsync(url => url.Contains("/demo/cart/web-", StringComparison.Ordinal));
        Assert.Contains("189,00", await shopper.InnerTextAsync(".total-row"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(shopper, "demo-shop-fr-payment");

        await LeaveAsync();
        var email = MimeMessage.Load(Assert.Single(_site.App.PickedUpEmails()), AppSite.Ct);
        Assert.Equal("Chloé, votre panier chez Alpine & Co. (demo) vous attend", email.Subject);
        Assert.Contains("Doudoune Ridgeline", email.TextBody, StringComparison.Ordinal);
        var store = await _site.DemoStoreAsync();
        var cart = (await _site.App.Service<ICartRepository>().FindAsync(store.Id, new Uri(shopper.Url).Segments[^1], AppSite.Ct))!;
        Assert.Equal(("06 12 34 56 78", (bool?)true), (cart.Contact.Phone, cart.Contact.AcceptsSms));
    }

    /// <summary>The visitor is gone: the demo store's 10 seconds to abandonment pass, then step 1's 5 seconds.</summary>
    private async Task LeaveAsync()
    {
        var drive = new RecoveryDriver(_site.App);
        drive.Advance(TimeSpan.FromSeconds(11));
        await drive.DetectAsync();
        drive.Advance(TimeSpan.FromSeconds(5));
        await drive.DispatchAsync();
    }

    private async Task<IPage> ShopperAsync(string locale)
    {
        var context = await _site.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Every matching image loaded and has pixels (a broken image has no natural width).</summary>
    private static async Task AssertImagesShowAsync(IPage page, string selector)
    {
        Assert.True(await page.Locator(selector).CountAsync() > 0, $"no {selector}");
        await page.WaitForFunctionAsync(
            "selector => [...document.querySelectorAll(selector)].every(i => i.complete && i.naturalWidth > 0)", selector,
            new PageWaitForFunctionOptions { Timeout = 10_000 });
    }
}
