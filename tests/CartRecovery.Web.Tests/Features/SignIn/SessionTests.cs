using System.Net;
using CartRecovery.Core.Accounts;
using static CartRecovery.Web.Tests.Features.SignIn.SignInDriver;

namespace CartRecovery.Web.Tests.Features.SignIn;

/// <summary>The session cookie: idle expiry, sign-out (here and everywhere), membership read on every request, challenges.</summary>
public sealed class SessionTests
{
    private const string Owner = "owner@alpine.example";

    [Fact]
    public async Task Session_IdleLongerThanTheLimit_IsSignedOut()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?> { ["Accounts:SessionIdleHours"] = "2" });
        await app.PersonAsync(Owner);
        var browser = await app.SignedInAsync(Owner);

        app.Time.Advance(TimeSpan.FromHours(1.5));
        var used = await browser.GetAsync("/app", Ct);
        app.Time.Advance(TimeSpan.FromHours(1.5));
        var stillIn = await browser.GetAsync("/app", Ct);
        app.Time.Advance(TimeSpan.FromHours(2));
        var idle = await browser.GetAsync("/app", Ct);

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fapp", idle.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Session_PastItsAbsoluteLifetime_IsSignedOutHoweverBusy()
    {
        // The default 14 days: the test's cookie jar keeps the cookie until its Expires on the machine's real clock,
        // which runs ahead of the fake one.
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = await app.SignedInAsync(Owner);

        for (var i = 0; i < 30; i++)
        {
            app.Time.Advance(TimeSpan.FromHours(11));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app", Ct)).StatusCode);
        }
        app.Time.Advance(TimeSpan.FromHours(11));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/app", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsThisBrowserOnly()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var laptop = await app.SignedInAsync(Owner);
        var phone = await app.SignedInAsync(Owner);

        var signedOut = await laptop.SubmitAsync("/app", "/sign-out");

        Assert.Equal("/sign-in", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/app", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/app", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfThePerson()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        await app.PersonAsync("colleague@alpine.example");
        var laptop = await app.SignedInAsync(Owner);
        var phone = await app.SignedInAsync(Owner);
        var colleague = await app.SignedInAsync("colleague@alpine.example");

        await laptop.SubmitAsync("/app", "/sign-out/everywhere");

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/app", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/app", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/app", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefusedAndKeepsTheSession()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = await app.SignedInAsync(Owner);

        var response = await browser.PostFormAsync("/sign-out/everywhere");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app", Ct)).StatusCode);
    }

    [Fact]
    public async Task RemovedMember_LosesAccessAtOnce()
    {
        using var app = new CartRecoveryAppFactory();
        var (account, _) = await app.PersonAsync(Owner);
        var (_, member) = await app.PersonAsync("member@alpine.example", AccountRole.Member, accountId: account.Id);
        var browser = await app.SignedInAsync("member@alpine.example");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app", Ct)).StatusCode);

        Assert.Equal(MembershipChange.Done, await app.Service<IAccountRepository>().RemoveMembershipAsync(account.Id, member.Id, Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/app", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/team/invitations", Ct)).StatusCode);
    }

    [Fact]
    public async Task SwitchAccount_ToAnAccountThePersonBelongsTo_ShowsIt()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner, accountName: "Alpine & Co.");
        var (agency, _) = await app.PersonAsync(Owner, AccountRole.Viewer, accountName: "Summit Agency");
        var (stranger, _) = await app.PersonAsync("someone@else.example", accountName: "Not Yours Ltd");
        var browser = await app.SignedInAsync(Owner);

        await browser.SubmitAsync("/app", "/app/switch", ("accountId", agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var switched = await browser.GetStringAsync("/app", Ct);
        await browser.SubmitAsync("/app", "/app/switch", ("accountId", stranger.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var refused = await browser.GetStringAsync("/app", Ct);

        Assert.Contains("<h1>Summit Agency</h1>", switched, StringComparison.Ordinal);
        Assert.Contains("Viewer", switched, StringComparison.Ordinal);
        Assert.Contains("<h1>Summit Agency</h1>", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Yours", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutASession_RedirectsToSignInAndApiAnswers401Problem()
    {
        using var app = new CartRecoveryAppFactory();
        var browser = app.Browser();

        var page = await browser.GetAsync("/app", Ct);
        var api = await browser.GetAsync("/api/team/invitations", Ct);

        Assert.Equal("/sign-in?returnUrl=%2Fapp", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cookie_WithAForgedToken_SignsNobodyIn()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = app.Browser();
        browser.DefaultRequestHeaders.Add("Cookie", "cr_session=" + SecretToken.New());

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/app", Ct)).StatusCode);
    }
}
