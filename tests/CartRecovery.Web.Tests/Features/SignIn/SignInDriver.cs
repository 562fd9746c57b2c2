using System.Net;
using System.Text.RegularExpressions;
using CartRecovery.Core.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.SignIn;

/// <summary>
/// Drives the sign-in pages as a browser does, over real HTTP with a cookie jar: reads each form's antiforgery token
/// from the page, posts it back, and reads the emails the pickup transport wrote.
/// </summary>
internal static partial class SignInDriver
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A browser: its own cookies, redirects not followed.</summary>
    public static HttpClient Browser(this CartRecoveryAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An account with one person in it with the role; returns both.</summary>
    public static async Task<(Account Account, User User)> PersonAsync(this CartRecoveryAppFactory app, string email,
        AccountRole role = AccountRole.Owner, string accountName = "Alpine & Co.", long? accountId = null, IReadOnlyList<long>? storeIds = null)
    {
        var accounts = app.Service<IAccountRepository>();
        var now = app.Time.GetUtcNow();
        var account = accountId is { } id ? (await accounts.GetAsync(id, Ct))! : await accounts.CreateAsync(accountName, AccountKind.Merchant, now, Ct);
        var user = await accounts.GetOrCreateUserByEmailAsync(email, now, Ct);
        Assert.Equal(MembershipChange.Done, await accounts.SetMembershipAsync(
            new Membership { AccountId = account.Id, UserId = user.Id, Role = role, StoreIds = storeIds, CreatedAt = now }, Ct));
        return (account, user);
    }

    /// <summary>GETs the page and POSTs its form (the antiforgery token from the page) with these fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient browser, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await browser.GetStringAsync(page, Ct);
        return await browser.PostFormAsync(action, [("__af", AntiforgeryToken(html)), .. fields]);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string action, params (string Name, string Value)[] fields) =>
        browser.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Ct);

    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery field.");

    /// <summary>Asks for a sign-in link for the address, as the sign-in page does.</summary>
    public static Task<HttpResponseMessage> RequestLinkAsync(this HttpClient browser, string email, string? returnUrl = null) =>
        browser.SubmitAsync("/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), "/sign-in",
            ("email", email), ("returnUrl", returnUrl ?? ""));

    /// <summary>The emails written to the pickup folder, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Emails(this CartRecoveryAppFactory app) =>
        app.PickedUpEmails().OrderBy(File.GetLastWriteTimeUtc).Select(path => MimeMessage.Load(path, Ct)).ToList();

    /// <summary>The one link in the last email to the address that starts with <paramref name="prefix"/> (e.g. <c>/sign-in/link</c>).</summary>
    public static Uri LinkIn(this CartRecoveryAppFactory app, string to, string prefix)
    {
        var email = app.Emails().Last(m => m.To.Mailboxes.Any(a => a.Address == to));
        var link = Links().Matches(email.TextBody ?? "").Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal));
        return link;
    }

    /// <summary>Opens a sign-in link and presses Sign in (the page's POST form with its hidden fields).</summary>
    public static async Task<HttpResponseMessage> UseLinkAsync(this HttpClient browser, Uri link, Func<string, string>? tamperEmail = null)
    {
        var page = await browser.GetStringAsync(link.PathAndQuery, Ct);
        string Field(string name) => WebUtility.HtmlDecode(Regex.Match(page, $"""name="{name}" value="([^"]*)""").Groups[1].Value);
        var email = Field("email");
        return await browser.PostFormAsync("/sign-in/link", ("__af", AntiforgeryToken(page)), ("token", Field("token")),
            ("email", tamperEmail?.Invoke(email) ?? email), ("returnUrl", Field("returnUrl")));
    }

    /// <summary>Signs the person in through the email link; returns the browser, signed in.</summary>
    public static async Task<HttpClient> SignedInAsync(this CartRecoveryAppFactory app, string email)
    {
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.RequestLinkAsync(email)).StatusCode);
        var signedIn = await browser.UseLinkAsync(app.LinkIn(email, "/sign-in/link"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [GeneratedRegex("""name="__af"[^>]*? value="([^"]+)""")]
    private static partial Regex TokenField();

    [GeneratedRegex("""https?://[^\s<>"]+""")]
    private static partial Regex Links();
}
