using System.Net;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Tests.Browser;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>The frame every page shares: signed-out people go to sign-in, the menu, the language button, the headers.</summary>
public sealed class AppShellTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task App_SignedOut_RedirectsToSignInAndBack()
    {
        using var browser = _site.Http();

        var response = await browser.GetAsync("/app?store=1", AppSite.Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=" + Uri.EscapeDataString("/app?store=1"), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task App_SignedIn_ShowsTheMenuAndTheOwnStylesheetUnderTheStrictPolicy()
    {
        var page = await _site.SignInAsync();

        Assert.StartsWith("Alpine & Co.", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        foreach (var item in new[] { "Home", "Carts", "Follow-ups", "Sequences", "Templates", "Settings", "Team", "API keys" })
            Assert.True(await page.IsVisibleAsync($"nav a:text-is('{item}')"), item);
        var response = await page.GotoAsync(_site.Url("app"));
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // The stylesheet applied (the top bar is dark), so the policy let it in.
        Assert.Equal("rgb(26, 26, 26)", await page.EvalOnSelectorAsync<string>("header.topbar", "e => getComputedStyle(e).backgroundColor"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "app-home");
    }

    [Fact]
    public async Task LanguageButton_SwitchesToFrenchAndStays()
    {
        var page = await _site.SignInAsync();

        await page.ClickAsync("button:has-text('Français')");

        await page.WaitForSelectorAsync("nav a:text-is('Paniers')");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await page.GotoAsync(_site.Url("app"));
        Assert.True(await page.IsVisibleAsync("nav a:text-is('Relances')"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "app-home-fr");
        await page.ClickAsync("button:has-text('English')");
        await page.WaitForSelectorAsync("nav a:text-is('Carts')");
    }

    [Fact]
    public async Task FrenchBrowser_GetsFrenchPages()
    {
        var page = await _site.SignInAsync(locale: "fr-FR");

        Assert.True(await page.IsVisibleAsync("nav a:text-is('Séquences')"));
    }

    [Fact]
    public async Task Viewer_DoesNotSeeOwnerPages()
    {
        var store = await _site.DemoStoreAsync();
        await _site.PersonAsync("viewer@demo.example", store.AccountId!.Value, AccountRole.Viewer);

        var page = await _site.SignInAsync("viewer@demo.example");

        Assert.False(await page.IsVisibleAsync("nav a:text-is('Team')"));
        Assert.Contains("Viewer", await page.InnerTextAsync("nav .who"), StringComparison.Ordinal);
    }
}
