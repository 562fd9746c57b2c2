using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// Door 2, the email link: <c>/sign-in</c> asks for an address, <c>/sign-in/link</c> is the page the email opens (a
/// button that POSTs: mail scanners fetch links, and a GET must not use the link up). Also sign-out, sign-out
/// everywhere and switching account, all POST forms.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", (HttpContext http, string? returnUrl, IAntiforgery antiforgery) =>
            SignInForm(http, antiforgery, SignInTexts.For(http.Request), null, returnUrl, null)).ExcludeFromDescription();
        app.MapPost("/sign-in", RequestLinkAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/sign-in/link", LinkPage).ExcludeFromDescription();
        app.MapPost("/sign-in/link", UseLinkAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/sign-out", SignOutAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/sign-out/everywhere", SignOutEverywhereAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/app/switch", SwitchAccountAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RequestLinkAsync(HttpContext http, IAntiforgery antiforgery, SignInLinks links, CancellationToken ct)
    {
        var texts = SignInTexts.For(http.Request);
        if (await PageForms.ReadAsync(http, antiforgery) is not { } form)
            return PageForms.Expired(texts);
        var email = form["email"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (!ApiResults.IsEmail(email))
            return SignInForm(http, antiforgery, texts, email, returnUrl, texts.EmailInvalid);
        // Without an address (a test server) every request counts as one client, as behind a proxy that forwards none.
        var outcome = await links.RequestAsync(email, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", texts.Language, returnUrl, ct);
        if (outcome != SignInRequestOutcome.Accepted)
            return PageForms.Message(texts, texts.TooManyTitle, texts.TooManyText, StatusCodes.Status429TooManyRequests);
        return HtmlPage.Render(texts.CheckInboxTitle, $"""
            <h1>{HtmlPage.Encode(texts.CheckInboxTitle)}</h1>
            <p>{string.Format(System.Globalization.CultureInfo.InvariantCulture, HtmlPage.Encode(texts.CheckInboxText), "<strong>" + HtmlPage.Encode(SignInLinks.Normalize(email)) + "</strong>")}</p>
            <p class="muted">{HtmlPage.Encode(texts.CheckInboxHint)}</p>
            <p><a href="/sign-in">{HtmlPage.Encode(texts.AskAgain)}</a></p>
            """, lang: texts.Language);
    }

    private static IResult LinkPage(HttpContext http, string? token, string? email, string? returnUrl, IAntiforgery antiforgery)
    {
        var texts = SignInTexts.For(http.Request);
        return HtmlPage.Render(texts.LinkTitle, $"""
            <h1>{HtmlPage.Encode(texts.LinkTitle)}</h1>
            <p>{string.Format(System.Globalization.CultureInfo.InvariantCulture, HtmlPage.Encode(texts.LinkText), "<strong>" + HtmlPage.Encode(email) + "</strong>")}</p>
            <form method="post" action="/sign-in/link">
            {PageForms.Token(http, antiforgery)}{PageForms.Hidden("token", token)}{PageForms.Hidden("email", email)}{PageForms.Hidden("returnUrl", returnUrl)}
            <button type="submit">{HtmlPage.Encode(texts.SignInButton)}</button>
            </form>
            """, lang: texts.Language);
    }

    private static async Task<IResult> UseLinkAsync(HttpContext http, IAntiforgery antiforgery, SignInLinks links, SessionCookie cookie,
        IAccountRepository accounts, CancellationToken ct)
    {
        var texts = SignInTexts.For(http.Request);
        if (await PageForms.ReadAsync(http, antiforgery) is not { } form)
            return PageForms.Expired(texts);
        var (user, refusal) = await links.ConsumeAsync(form["token"].ToString(), form["email"].ToString(), ct);
        if (user is null)
        {
            var reason = refusal switch
            {
                SignInLinkRefusal.OtherAddress => texts.LinkOtherAddress,
                SignInLinkRefusal.NoAccount => texts.NoAccount,
                _ => texts.LinkExpired,
            };
            return PageForms.Message(texts, texts.LinkRefusedTitle, reason, StatusCodes.Status410Gone, ("/sign-in", texts.AskAgain));
        }
        var memberships = await accounts.ListMembershipsOfUserAsync(user.Id, ct);
        await cookie.SignInAsync(http, user.Id, memberships[0].AccountId, ct);
        return Results.Redirect(LocalUrl.OrHome(form["returnUrl"].ToString()));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SessionCookie cookie, CancellationToken ct)
    {
        if (await PageForms.ReadAsync(http, antiforgery) is null)
            return PageForms.Expired(SignInTexts.For(http.Request));
        await cookie.SignOutAsync(http, ct);
        return Results.Redirect("/sign-in");
    }

    private static async Task<IResult> SignOutEverywhereAsync(HttpContext http, IAntiforgery antiforgery, SessionCookie cookie,
        ISessionRepository sessions, CancellationToken ct)
    {
        if (await PageForms.ReadAsync(http, antiforgery) is null)
            return PageForms.Expired(SignInTexts.For(http.Request));
        if (await cookie.FindLiveAsync(http, ct) is { } session)
            await sessions.DeleteForUserAsync(session.UserId, ct);
        await cookie.SignOutAsync(http, ct);
        return Results.Redirect("/sign-in");
    }

    private static async Task<IResult> SwitchAccountAsync(HttpContext http, IAntiforgery antiforgery, SessionCookie cookie,
        ISessionRepository sessions, IAccountRepository accounts, CancellationToken ct)
    {
        if (await PageForms.ReadAsync(http, antiforgery) is not { } form)
            return PageForms.Expired(SignInTexts.For(http.Request));
        if (await cookie.FindLiveAsync(http, ct) is not { } session)
            return Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(LocalUrl.Home));
        // Only into an account the person belongs to; anything else leaves the session where it was.
        if (long.TryParse(form["accountId"], out var accountId) && await accounts.GetMembershipAsync(accountId, session.UserId, ct) is not null)
            await sessions.SwitchAccountAsync(session.TokenHash, accountId, ct);
        return Results.Redirect(LocalUrl.Home);
    }

    private static IResult SignInForm(HttpContext http, IAntiforgery antiforgery, SignInTexts texts, string? email, string? returnUrl, string? error) =>
        HtmlPage.Render(texts.SignInTitle, $"""
            <h1>{HtmlPage.Encode(texts.SignInHeading)}</h1>
            <p>{HtmlPage.Encode(texts.SignInIntro)}</p>
            <form method="post" action="/sign-in">
            {PageForms.Token(http, antiforgery)}{PageForms.Hidden("returnUrl", LocalUrl.IsLocal(returnUrl) ? returnUrl : null)}
            <label for="email">{HtmlPage.Encode(texts.EmailLabel)}</label>
            <input id="email" name="email" type="email" autocomplete="email" required value="{HtmlPage.Encode(email)}">
            {(error is null ? "" : $"""<p class="error" role="alert">{HtmlPage.Encode(error)}</p>""")}
            <button type="submit">{HtmlPage.Encode(texts.SendLink)}</button>
            </form>
            <p class="muted">{HtmlPage.Encode(texts.ShopifyHint)}</p>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, texts.Language);
}
