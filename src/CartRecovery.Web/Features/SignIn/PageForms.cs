using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// Forms of the sign-in pages. Every form carries an antiforgery token (ASP.NET Core antiforgery: a cookie and a
/// hidden field that must match), and every POST handler reads its form through <see cref="ReadAsync"/>, which
/// refuses a form without a valid token before anything is read from it.
/// </summary>
internal static class PageForms
{
    /// <summary>The hidden antiforgery field (issuing its cookie on this response).</summary>
    public static string Token(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{HtmlPage.Encode(tokens.FormFieldName)}" value="{HtmlPage.Encode(tokens.RequestToken)}">""";
    }

    public static string Hidden(string name, string? value) =>
        $"""<input type="hidden" name="{HtmlPage.Encode(name)}" value="{HtmlPage.Encode(value)}">""";

    /// <summary>A form with one button that POSTs to <paramref name="action"/>.</summary>
    public static string Button(HttpContext http, IAntiforgery antiforgery, string action, string label, string fields = "", bool secondary = false) =>
        $"""<form class="inline" method="post" action="{HtmlPage.Encode(action)}">{Token(http, antiforgery)}{fields}<button type="submit"{(secondary ? " class=\"secondary\"" : "")}>{HtmlPage.Encode(label)}</button></form>""";

    /// <summary>The posted form, or null when it is not a form or its antiforgery token is missing or wrong.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!http.Request.HasFormContentType)
            return null;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        return await http.Request.ReadFormAsync(http.RequestAborted);
    }

    /// <summary>The friendly page for a form that failed <see cref="ReadAsync"/>.</summary>
    public static IResult Expired(SignInTexts texts) => Message(texts, texts.FormExpiredTitle, texts.FormExpiredText, StatusCodes.Status400BadRequest);

    /// <summary>A page with a heading, one paragraph and optionally a link button.</summary>
    public static IResult Message(SignInTexts texts, string title, string text, int status = StatusCodes.Status200OK, (string Href, string Label)? link = null) =>
        HtmlPage.Render(title, $"""
            <h1>{HtmlPage.Encode(title)}</h1>
            <p>{HtmlPage.Encode(text)}</p>
            {(link is { } l ? $"""<p><a class="button" href="{HtmlPage.Encode(l.Href)}">{HtmlPage.Encode(l.Label)}</a></p>""" : "")}
            """, status, texts.Language);
}
