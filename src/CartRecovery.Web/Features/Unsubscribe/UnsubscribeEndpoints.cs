using CartRecovery.Core.Recovery;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.Unsubscribe;

/// <summary>
/// <c>GET /u/{token}</c> asks for confirmation (link scanners follow GETs, so a GET must not unsubscribe);
/// <c>POST /u/{token}</c> unsubscribes at once, both from the confirmation page and as the RFC 8058 one-click POST
/// mail providers send with <c>List-Unsubscribe=One-Click</c>.
/// </summary>
internal static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/u/{token}", async (string token, LinkService links, CancellationToken ct) =>
        {
            var target = await links.FindUnsubscribeTargetAsync(token, ct);
            if (target is null)
                return NotFound();
            return HtmlPage.Render("Unsubscribe", $"""
                <h1>Unsubscribe from {HtmlPage.Encode(target.StoreName)}?</h1>
                <p>{HtmlPage.Encode(target.MaskedEmail)} will no longer receive reminders about carts left at {HtmlPage.Encode(target.StoreName)}.</p>
                <form method="post" action="/u/{HtmlPage.Encode(token)}"><button type="submit">Unsubscribe</button></form>
                """);
        }).ExcludeFromDescription();

        app.MapPost("/u/{token}", async (string token, LinkService links, CancellationToken ct) =>
        {
            var target = await links.UnsubscribeAsync(token, ct);
            if (target is null)
                return NotFound();
            return HtmlPage.Render("You are unsubscribed", $"""
                <h1>You're unsubscribed</h1>
                <p>{HtmlPage.Encode(target.MaskedEmail)} won't receive any more cart reminders from {HtmlPage.Encode(target.StoreName)}.</p>
                {BackLink(target)}
                """);
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>A link back to the shop, only when its address is a web link (LinkService already dropped anything else).</summary>
    private static string BackLink(UnsubscribeTarget target) => target.StoreUrl is { } url
        ? $"""<p><a href="{HtmlPage.Encode(url)}">Back to {HtmlPage.Encode(target.StoreName)}</a></p>"""
        : "";

    private static IResult NotFound() => HtmlPage.Render("Link not found", """
        <h1>We couldn't find that subscription</h1>
        <p>This unsubscribe link is incomplete or not valid. If you copied it from an email, make sure the whole link was copied.</p>
        """, StatusCodes.Status404NotFound);
}
