using System.Net;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Tests.Features.SignIn;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>
/// Door 3: the person connecting a WooCommerce shop owns the new store's account. The callback is server-to-server, so
/// only the browser holding the start's nonce cookie is signed in on the way back.
/// </summary>
public sealed class WooCommerceConnectSignInTests : IAsyncLifetime
{
    private const string Email = "merchant@shop.example";
    private WooCommerceHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WooCommerceHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => WooCommerceHost.Ct;

    private IAccountRepository Accounts => _host.App.Service<IAccountRepository>();

    [Fact]
    public async Task Connect_AsANewPerson_SignsTheStartingBrowserInAsOwnerOfTheNewAccount()
    {
        using var browser = _host.Browser();

        var (back, store) = await _host.ConnectAsync(browser, Email);
        var home = await browser.GetAsync("/app", Ct);

        Assert.Equal("/app", back.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(store!.Name, WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var user = await Accounts.FindUserByEmailAsync(Email, Ct);
        Assert.Equal(AccountRole.Owner, (await Accounts.GetMembershipAsync(store.AccountId!.Value, user!.Id, Ct))?.Role);
    }

    [Fact]
    public async Task Return_InABrowserWithoutTheNonceCookie_SignsNobodyIn()
    {
        using var starter = _host.Browser();
        using var other = _host.Browser();
        var start = await _host.StartAsync(starter, Email);

        var back = await WooCommerceHost.ApproveAsync(other, start.Headers.Location!);

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("Your shop is connected", await back.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/app", Ct)).StatusCode);
    }

    [Fact]
    public async Task Return_WithAForgedNonceCookie_SignsNobodyIn()
    {
        using var starter = _host.Browser();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        handler.CookieContainer.Add(_host.BaseUrl, new Cookie("cr_connect", SecretToken.New(), "/connect/woocommerce"));
        using var forger = new HttpClient(handler) { BaseAddress = _host.BaseUrl };
        var start = await _host.StartAsync(starter, Email);

        var back = await WooCommerceHost.ApproveAsync(forger, start.Headers.Location!);

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await forger.GetAsync("/app", Ct)).StatusCode);
        // The starting browser still redeems its own grant.
        Assert.Equal("/app", (await starter.GetAsync("/connect/woocommerce/return?success=1", Ct)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Connect_WithTheEmailOfAnExistingPerson_DoesNotSignInButEmailsThemALink()
    {
        var now = _host.App.Time.GetUtcNow();
        var elsewhere = await Accounts.CreateAsync("Elsewhere", AccountKind.Agency, now, Ct);
        var existing = await Accounts.GetOrCreateUserByEmailAsync(Email, now, Ct);
        await Accounts.SetMembershipAsync(new Membership { AccountId = elsewhere.Id, UserId = existing.Id, Role = AccountRole.Owner, CreatedAt = now }, Ct);
        using var browser = _host.Browser();

        var (back, store) = await _host.ConnectAsync(browser, Email);

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("emailed it a sign-in link", await back.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/app", Ct)).StatusCode);
        Assert.Equal(AccountRole.Owner, (await Accounts.GetMembershipAsync(store!.AccountId!.Value, existing.Id, Ct))?.Role);
        Assert.NotEqual(elsewhere.Id, store.AccountId);
        Assert.Contains("/sign-in/link?", _host.App.LinkIn(Email, "/sign-in/link").AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WhenSignedIn_MakesThePersonOwnerOfTheNewAccountAndShowsIt()
    {
        var now = _host.App.Time.GetUtcNow();
        var agency = await Accounts.CreateAsync("Summit Agency", AccountKind.Agency, now, Ct);
        var person = await Accounts.GetOrCreateUserByEmailAsync("owner@summit.example", now, Ct);
        await Accounts.SetMembershipAsync(new Membership { AccountId = agency.Id, UserId = person.Id, Role = AccountRole.Owner, CreatedAt = now }, Ct);
        using var browser = _host.Browser();
        await SignIn.SignInDriver.RequestLinkAsync(browser, "owner@summit.example");
        await SignIn.SignInDriver.UseLinkAsync(browser, _host.App.LinkIn("owner@summit.example", "/sign-in/link"));

        var start = await _host.StartAsync(browser, email: null);
        var back = await WooCommerceHost.ApproveAsync(browser, start.Headers.Location!);
        var store = (await _host.App.Service<Core.Stores.IStoreRepository>().ListAsync(Ct)).Single(s => s.Platform == Core.Stores.Platforms.WooCommerce);

        Assert.Equal("/app", back.Headers.Location?.OriginalString);
        Assert.Equal(AccountRole.Owner, (await Accounts.GetMembershipAsync(store.AccountId!.Value, person.Id, Ct))?.Role);
        Assert.Contains(store.Name, WebUtility.HtmlDecode(await browser.GetStringAsync("/app", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectForm_WithoutAnEmail_AsksAgainAndStartsNothing()
    {
        using var browser = _host.Browser();

        var response = await _host.StartAsync(browser, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a valid email address", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
