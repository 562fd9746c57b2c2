using CartRecovery.Core.Recovery;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.Unsubscribe;

/// <summary>
/// <c>GET /u/{token}</c> asks for confirmation (link scanners follow GETs, so a GET must not unsubscribe), or says the
/// address is unsubscribed already; <c>POST /u/{token}</c> unsubscribes at once, both from the confirmation page and as
/// the RFC 8058 one-click POST mail providers send with <c>List-Unsubscribe=One-Click</c>. The page speaks for the shop
/// (its logo, name and colour) in the recipient's language (English or French).
/// </summary>
internal static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/u/{token}", async (string token, HttpContext http, LinkService links, CancellationToken ct) =>
        {
            var target = await links.FindUnsubscribeTargetAsync(token, ct);
            if (target is null)
                return NotFound();
            if (target.AlreadyUnsubscribed)
                return Unsubscribed(http, target);
            var text = UnsubscribeTexts.For(target.Locale);
            return Branded(http, target, text.AskTitle, $"""
                <h1>{HtmlPage.Encode(string.Format(text.Culture, text.AskHeading, target.StoreName))}</h1>
                <p>{HtmlPage.Encode(string.Format(text.Culture, text.AskBody, target.MaskedEmail, target.StoreName))}</p>
                <form method="post" action="/u/{HtmlPage.Encode(token)}"><button type="submit">{HtmlPage.Encode(text.AskButton)}</button></form>
                """);
        }).ExcludeFromDescription();

        app.MapPost("/u/{token}", async (string token, HttpContext http, LinkService links, CancellationToken ct) =>
        {
            var target = await links.UnsubscribeAsync(token, ct);
            return target is null ? NotFound() : Unsubscribed(http, target);
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static IResult Unsubscribed(HttpContext http, UnsubscribeTarget target)
    {
        var text = UnsubscribeTexts.For(target.Locale);
        return Branded(http, target, text.DoneTitle, $"""
            <h1>{HtmlPage.Encode(text.DoneHeading)}</h1>
            <p>{HtmlPage.Encode(string.Format(text.Culture, text.DoneBody, target.MaskedEmail, target.StoreName))}</p>
            {BackLink(target, text)}
            """);
    }

    private static IResult Branded(HttpContext http, UnsubscribeTarget target, string title, string bodyHtml) =>
        ShopPage.Render(http, new(target.StoreName, target.LogoUrl, target.BrandColor), title, bodyHtml, UnsubscribeTexts.For(target.Locale).Language);

    /// <summary>A link back to the shop, only when its address is a web link (LinkService already dropped anything else).</summary>
    private static string BackLink(UnsubscribeTarget target, UnsubscribeTexts text) => target.StoreUrl is { } url
        ? $"""<p><a href="{HtmlPage.Encode(url)}">{HtmlPage.Encode(string.Format(text.Culture, text.BackTo, target.StoreName))}</a></p>"""
        : "";

    private static IResult NotFound() => HtmlPage.Render("Link not found", """
        <h1>We couldn't find that subscription</h1>
        <p>This unsubscribe link is incomplete or not valid. If you copied it from an email, make sure the whole link was copied.</p>
        """, StatusCodes.Status404NotFound);
}
