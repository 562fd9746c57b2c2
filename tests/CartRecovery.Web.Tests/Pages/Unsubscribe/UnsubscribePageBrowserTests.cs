using System.Text.RegularExpressions;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Browser;
using MimeKit;

namespace CartRecovery.Web.Tests.Pages.Unsubscribe;

/// <summary>The unsubscribe page as a shopper sees it in Chromium: the shop's logo and colour, their language, no second question.</summary>
public sealed class UnsubscribePageBrowserTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Theory]
    [InlineData("fr-FR", "Me désabonner", "Désabonnement confirmé")]
    [InlineData("en-GB", "Unsubscribe", "You're unsubscribed")]
    public async Task Page_AsksOnceInTheRecipientsLanguageInTheShopsBranding(string locale, string button, string done)
    {
        var store = await _site.App.Service<IStoreRepository>().UpsertAsync(
            await _site.DemoStoreAsync() with { LogoUrl = ShopLogo.Url, BrandColor = ShopLogo.BrandColor }, AppSite.Ct);
        var drive = new RecoveryDriver(_site.App) { Locale = locale };
        var (cart, _) = await drive.WalkDemoCartToTaskAsync(store, $"chk-unsub-{locale}");
        var email = _site.App.PickedUpEmails().Select(f => MimeMessage.Load(f))
            .First(m => m.MessageId?.StartsWith($"cart-{cart.Id}.step-1.", StringComparison.Ordinal) == true);
        var path = Regex.Match(email.TextBody!, "/u/[A-Za-z0-9_-]+").Value;
        var page = await _site.Chromium.NewPageAsync();
        await ShopLogo.ServeAsync(page);

        await page.GotoAsync(_site.Url(path));

        Assert.True(await page.IsVisibleAsync("header.brand img.logo"));
        Assert.Equal(ShopLogo.BrandRgb, await page.EvalOnSelectorAsync<string>("button", "b => getComputedStyle(b).backgroundColor"));
        await HeadlessChromium.SaveScreenshotsAsync(page, $"unsubscribe-ask-{locale}");
        await page.ClickAsync($"button:text-is('{button}')");
        Assert.Equal(done, await page.InnerTextAsync("h1"));
        await HeadlessChromium.SaveScreenshotsAsync(page, $"unsubscribe-done-{locale}");

        await page.GotoAsync(_site.Url(path));

        Assert.Equal(done, await page.InnerTextAsync("h1"));
        Assert.Equal(0, await page.Locator("form").CountAsync());
    }
}
