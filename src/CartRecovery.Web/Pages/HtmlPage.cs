using CartRecovery.Core.Pages;

namespace CartRecovery.Web.Pages;

/// <summary>
/// The small pages customers see (restore, unsubscribe, sign-in), as results: the frame is <see cref="PlainPage"/>,
/// shared with the connectors' pages. Callers pass body HTML built with <see cref="Encode"/> for every value that came from outside.
/// </summary>
internal static class HtmlPage
{
    /// <summary>The CSP source that allows the pages' style block.</summary>
    public static readonly string StyleSource = PlainPage.StyleSource;

    public static string Encode(string? value) => PlainPage.Encode(value);

    /// <summary>
    /// The page; <paramref name="headHtml"/> adds trusted markup to the head (the embedded app's App Bridge tags) and
    /// <paramref name="lang"/> names the page's language.
    /// </summary>
    public static IResult Render(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK, string lang = "en", string headHtml = "") =>
        Render(title, bodyHtml, statusCode, lang, headHtml, extraCss: null);

    /// <summary>
    /// The page with a second style block, <paramref name="extraCss"/>, which the caller allows by its hash
    /// (<c>SecurityHeaders.AllowStyle</c>) and builds from checked values only.
    /// </summary>
    public static IResult Render(string title, string bodyHtml, int statusCode, string lang, string headHtml, string? extraCss) =>
        Results.Content(PlainPage.Document(title, bodyHtml, lang, headHtml, extraCss), PlainPage.ContentType, statusCode: statusCode);
}
