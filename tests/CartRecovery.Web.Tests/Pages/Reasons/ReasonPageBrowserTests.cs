using System.Text.RegularExpressions;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Browser;

namespace CartRecovery.Web.Tests.Pages.Reasons;

/// <summary>
/// The "why did you leave?" thank-you page as a shopper sees it in Chromium: a click on a reason link of the first email
/// (a real click, so the browser says a person started it) lands on the shop's page in the shopper's language, with the
/// shop's logo and colour and the button back to the cart.
/// </summary>
public sealed class ReasonPageBrowserTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Theory]
    [InlineData("fr-FR", "Merci de nous l'avoir dit", "Votre réponse\u00A0: Les frais de livraison.", "Retrouver mon panier")]
    [InlineData("en-GB", "Thanks for telling us", "You said: Shipping cost.", "Return to your cart")]
    public async Task Click_OnAReasonLink_ThanksInTheShopsBranding_AndTheButtonRestoresTheCart(string locale, string heading, string said, string button)
    {
        var store = await _site.App.Service<IStoreRepository>().UpsertAsync(
            await _site.DemoStoreAsync() with { LogoUrl = ShopLogo.Url, BrandColor = ShopLogo.BrandColor }, AppSite.Ct);
        var drive = new RecoveryDriver(_site.App) { Locale = locale };
        var externalId = $"chk-why-{locale}";
        var (cart, email) = await drive.AbandonAndSendFirstStepAsync(store, externalId, restoreUrl: _site.Url($"demo/cart/{externalId}"));
        var link = Regex.Match(email.TextBody!, @"/why/[A-Za-z0-9_-]+\?r=shipping").Value;
        Assert.NotEmpty(link);
        var page = await _site.Chromium.NewPageAsync();
        await ShopLogo.ServeAsync(page);
        // The email as a webmail shows it: the shopper clicks the link, so the browser marks the navigation as theirs.
        await page.SetContentAsync($"""<a id="reason" href="{_site.Url(link.TrimStart('/'))}">shipping</a>""");

        await page.ClickAsync("#reason");
        await page.WaitForSelectorAsync("header.brand img.logo");

        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        Assert.Contains(said, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(ShopLogo.BrandRgb, await page.EvalOnSelectorAsync<string>("a.button", "b => getComputedStyle(b).backgroundColor"));
        Assert.Equal(LeaveReason.ShippingCost, await _site.App.Service<ILeaveReasonRepository>().GetAsync(cart.Id, AppSite.Ct));
        await HeadlessChromium.SaveScreenshotsAsync(page, $"reason-thanks-{locale}");

        await page.ClickAsync($"a.button:text-is('{button}')");
        await page.WaitForURLAsync(new Regex($"/demo/cart/{externalId}$"));
    }
}
