using System.Net.Http.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Tests.Browser;
using CartRecovery.Web.Tests.Features.WooCommerce;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Features.SignIn;

/// <summary>
/// The doors a person walks through, in Debian's Chromium against the real host on loopback: the email link (read from
/// the pickup folder), an invitation, and connecting a WooCommerce shop as a new person (the emulator approves). Each
/// page is saved as desktop and phone screenshots under <c>screenshots/</c>.
/// </summary>
public sealed class SignInBrowserTests : IAsyncLifetime
{
    private const string Owner = "owner@alpine.example";

    private HeadlessChromium _chromium = null!;
    private WooCommerceHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        _host = await WooCommerceHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    private string Url(string path) => new Uri(_host.BaseUrl, path).AbsoluteUri;

    [Fact]
    public async Task EmailLink_FromTheSignInPageToTheAppAndOut()
    {
        await _host.App.PersonAsync(Owner);
        await _host.App.DemoStoreAsync();
        var page = await _chromium.NewPageAsync();

        await page.GotoAsync(Url("sign-in"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "sign-in");
        await page.FillAsync("input[name=email]", Owner);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Check your inbox");
        await HeadlessChromium.SaveScreenshotsAsync(page, "sign-in-check-inbox");

        await page.GotoAsync(_host.App.LinkIn(Owner, "/sign-in/link").AbsoluteUri);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sign-in-link");
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(Url("app"));
        Assert.Equal("Alpine & Co.", await page.InnerTextAsync("h1"));
        Assert.Contains("Owner", await page.InnerTextAsync("nav .who"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "app");

        await page.ClickAsync("button:has-text('Sign out everywhere')");
        await page.WaitForURLAsync(Url("sign-in"));
        await page.GotoAsync(Url("app"));
        Assert.StartsWith(Url("sign-in"), page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailLink_UsedTwice_ShowsTheFriendlyRefusal()
    {
        await _host.App.PersonAsync(Owner);
        using var http = _host.Browser();
        await http.RequestLinkAsync(Owner);
        var link = _host.App.LinkIn(Owner, "/sign-in/link").AbsoluteUri;
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(link);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(Url("app"));

        var second = await _chromium.NewPageAsync();
        await second.GotoAsync(link);
        await second.ClickAsync("button:has-text('Sign in')");

        await second.WaitForSelectorAsync("text=This link can't be used");
        await HeadlessChromium.SaveScreenshotsAsync(second, "sign-in-link-refused");
    }

    [Fact]
    public async Task Invitation_AcceptedInTheBrowser_LandsOnTheAppAsMember()
    {
        var (account, _) = await _host.App.PersonAsync(Owner);
        await _host.App.PersonAsync(Owner, AccountRole.Viewer, accountName: "Summit Agency");
        using var owner = _host.Browser();
        await owner.RequestLinkAsync(Owner);
        await owner.UseLinkAsync(_host.App.LinkIn(Owner, "/sign-in/link"));
        // The owner's session is in whichever account came first; invite from Alpine explicitly.
        await owner.SubmitAsync("/app", "/app/switch", ("accountId", account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var created = await owner.PostAsJsonAsync("/api/team/invitations", new { email = "lea@alpine.example", role = "member" }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var page = await _chromium.NewPageAsync();

        await page.GotoAsync(_host.App.LinkIn("lea@alpine.example", "/invitations/").AbsoluteUri);
        await HeadlessChromium.SaveScreenshotsAsync(page, "invitation");
        await page.ClickAsync("button:has-text('Accept invitation')");
        await page.WaitForURLAsync(Url("app"));

        Assert.Equal("Alpine & Co.", await page.InnerTextAsync("h1"));
        Assert.Contains("Member", await page.InnerTextAsync("nav .who"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "app-member");
    }

    [Fact]
    public async Task WooCommerceConnect_AsANewPerson_SignsInOnTheWayBack()
    {
        var page = await _chromium.NewPageAsync();

        await page.GotoAsync(Url("connect/woocommerce?site=" + Uri.EscapeDataString(_host.Shop.BaseUrl.AbsoluteUri)));
        await HeadlessChromium.SaveScreenshotsAsync(page, "connect-woocommerce");
        await page.FillAsync("input[name=email]", "new.merchant@shop.example");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Url("app"));

        Assert.Contains("Owner", await page.InnerTextAsync("nav .who"), StringComparison.Ordinal);
        Assert.Contains("WooCommerce", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "app-after-connect");
        await page.ClickAsync("button:has-text('Sign out')");
        await page.WaitForURLAsync(Url("sign-in"));
    }

    [Fact]
    public async Task SignInPage_ForAFrenchBrowser_IsInFrench()
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("sign-in"));

        Assert.Equal("Connectez-vous à CartRecovery", await page.InnerTextAsync("h1"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "sign-in-fr");
        await context.CloseAsync();
    }
}
