using System.Net;
using CartRecovery.Core.Accounts;
using static CartRecovery.Web.Tests.Features.SignIn.SignInDriver;

namespace CartRecovery.Web.Tests.Features.SignIn;

/// <summary>Door 2 over real HTTP on real SQLite: the email link is single use, short-lived, for one address, and rate limited.</summary>
public sealed class EmailLinkSignInTests
{
    private const string Owner = "owner@alpine.example";

    [Fact]
    public async Task Link_UsedOnce_SignsInAndLandsOnTheApp()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = app.Browser();

        var asked = await browser.RequestLinkAsync(Owner);
        var link = app.LinkIn(Owner, "/sign-in/link");
        var signedIn = await browser.UseLinkAsync(link);
        var home = await browser.GetAsync("/app", Ct);

        Assert.Contains("Check your inbox", await asked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/app", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Alpine &amp; Co.", await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cr_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        // A sign-in email is not a list: no unsubscribe headers for mailbox providers to act on.
        Assert.False(app.Emails()[^1].Headers.Contains("List-Unsubscribe"));
    }

    [Fact]
    public async Task Link_UsedTwice_IsRefusedTheSecondTime()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        await app.Browser().RequestLinkAsync(Owner);
        var link = app.LinkIn(Owner, "/sign-in/link");
        await app.Browser().UseLinkAsync(link);

        var again = await app.Browser().UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.DoesNotContain(again.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("cr_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LinkPage_OpenedByAMailScanner_DoesNotUseTheLinkUp()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        await app.Browser().RequestLinkAsync(Owner);
        var link = app.LinkIn(Owner, "/sign-in/link");

        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(link.PathAndQuery, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().UseLinkAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Link_AfterFifteenMinutes_IsRefused()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        await app.Browser().RequestLinkAsync(Owner);
        var link = app.LinkIn(Owner, "/sign-in/link");

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var late = await app.Browser().UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_PresentedForAnotherAddress_IsRefused()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        await app.PersonAsync("other@alpine.example");
        await app.Browser().RequestLinkAsync(Owner);

        var response = await app.Browser().UseLinkAsync(app.LinkIn(Owner, "/sign-in/link"), _ => "other@alpine.example");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("another email address", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ForAnAddressWithoutAnAccount_AnswersTheSameAndSendsNothing()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);

        var known = await (await app.Browser().RequestLinkAsync(Owner)).Content.ReadAsStringAsync(Ct);
        var unknown = await (await app.Browser().RequestLinkAsync("nobody@alpine.example")).Content.ReadAsStringAsync(Ct);

        Assert.Equal(known.Replace(Owner, "X", StringComparison.Ordinal), unknown.Replace("nobody@alpine.example", "X", StringComparison.Ordinal));
        Assert.Single(app.Emails());
    }

    [Fact]
    public async Task Request_BeyondTheLimitPerAddress_Is429AndSendsNothingMore()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?> { ["Accounts:SignInLinksPerAddressPerHour"] = "2" });
        await app.PersonAsync(Owner);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await app.Browser().RequestLinkAsync(Owner)).StatusCode);
        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        statuses.Add((await app.Browser().RequestLinkAsync(Owner)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal(3, app.Emails().Count);
    }

    [Fact]
    public async Task Request_BeyondTheLimitPerClient_Is429WhateverTheAddress()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?> { ["Accounts:SignInLinksPerClientPerHour"] = "3" });
        await app.PersonAsync(Owner);

        var statuses = new List<HttpStatusCode>();
        foreach (var email in new[] { "a@x.example", "b@x.example", "c@x.example", Owner })
            statuses.Add((await app.Browser().RequestLinkAsync(email)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Empty(app.Emails());
    }

    [Fact]
    public async Task Request_WithoutTheAntiforgeryToken_IsRefusedAndSendsNothing()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = app.Browser();
        await browser.GetAsync("/sign-in", Ct);

        var response = await browser.PostFormAsync("/sign-in", ("email", Owner));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(app.Emails());
    }

    [Fact]
    public async Task Request_WithAnInvalidAddress_ShowsTheFormAgainWithTheReason()
    {
        using var app = new CartRecoveryAppFactory();

        var response = await app.Browser().RequestLinkAsync("not-an-address");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a valid email address", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/app")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_WithAnOffSiteReturnUrl_LandsOnTheApp(string returnUrl)
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = app.Browser();
        await browser.RequestLinkAsync(Owner, returnUrl);

        var signedIn = await browser.UseLinkAsync(app.LinkIn(Owner, "/sign-in/link"));

        Assert.Equal("/app", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithALocalReturnUrl_GoesBackThere()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = app.Browser();
        await browser.RequestLinkAsync(Owner, "/app?tab=stores");

        var signedIn = await browser.UseLinkAsync(app.LinkIn(Owner, "/sign-in/link"));

        Assert.Equal("/app?tab=stores", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInEmail_ForAFrenchBrowser_IsInFrench()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var browser = app.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9,en;q=0.5");

        var page = WebUtility.HtmlDecode(await (await browser.RequestLinkAsync(Owner)).Content.ReadAsStringAsync(Ct));

        Assert.Contains("Consultez votre boîte de réception", page, StringComparison.Ordinal);
        Assert.Equal("Votre lien de connexion CartRecovery", app.Emails().Single().Subject);
    }
}
