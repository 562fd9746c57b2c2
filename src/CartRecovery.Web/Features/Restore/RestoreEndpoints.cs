using CartRecovery.Core.Recovery;
using CartRecovery.Web.Hosting;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.Restore;

/// <summary>
/// <c>GET /r/{token}</c>: the restore link of every recovery email; <c>GET /s/{code}</c>: its short form in texts.
/// Both answer early (<see cref="EarlyAnswers"/>): no session, key or page language is read to follow them.
/// </summary>
internal static class RestoreEndpoints
{
    public static IEndpointRouteBuilder MapRestoreLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/r/{token}", async (string token, LinkService links, CancellationToken ct) => Answer(await links.RestoreAsync(token, ct)))
            .AnswersEarly().ExcludeFromDescription();
        app.MapGet("/s/{token}", async (string token, LinkService links, CancellationToken ct) => Answer(await links.RestoreShortAsync(token, ct)))
            .AnswersEarly().ExcludeFromDescription();
        return app;
    }

    private static IResult Answer(RestoreResult result) => result.Outcome switch
        {
            RestoreOutcome.Redirect => Results.Redirect(result.Destination!.AbsoluteUri),
            RestoreOutcome.Expired => HtmlPage.Render("This link has expired", $"""
                <h1>This link has expired</h1>
                <p>The cart this link pointed to is no longer being held for you, but the shop is still open.</p>
                {VisitButton(result)}
                """, StatusCodes.Status410Gone),
            // The shop reported a way back that is not on its own address: say so rather than send the customer there.
            RestoreOutcome.Refused => HtmlPage.Render("We couldn't open your cart", $"""
                <h1>We couldn't open your cart</h1>
                <p>The link to your cart at {HtmlPage.Encode(result.StoreName)} does not lead to the shop's own site, so we did not follow it.</p>
                {VisitButton(result)}
                """, StatusCodes.Status409Conflict),
            _ => HtmlPage.Render("Link not found", """
                <h1>We couldn't find that cart</h1>
                <p>This link is incomplete or no longer valid. If you copied it from an email, make sure the whole link was copied.</p>
                <p class="muted">You can still go back to the shop you were visiting and find your items there.</p>
                """, StatusCodes.Status404NotFound),
        };

    /// <summary>A link to the shop, only when its address is a web link (LinkService already dropped anything else).</summary>
    private static string VisitButton(RestoreResult result) => result.StoreUrl is { } url
        ? $"""<p><a class="button" href="{HtmlPage.Encode(url)}">Visit {HtmlPage.Encode(result.StoreName)}</a></p>"""
        : "";
}
