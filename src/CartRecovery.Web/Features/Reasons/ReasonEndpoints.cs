using System.Threading.RateLimiting;
using CartRecovery.Core.Reasons;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.Reasons;

/// <summary>
/// <c>/why/{token}?r=shipping</c>: the "why did you leave?" links of a first email. A person's click (the browser says
/// so with <c>Sec-Fetch-User: ?1</c>) records the reason at once and thanks them, with the button back to the cart. Any
/// other GET (a mail scanner following every link, an old browser) only shows the answer with one button that posts
/// it, so a scanner cannot answer for the customer. Forged links get a plain page, expired ones the shop's page with
/// nothing recorded. Rate limited per address, like the other public forms.
/// </summary>
internal static class ReasonEndpoints
{
    private const string RateLimitPolicy = "reason-links";

    public static IServiceCollection AddReasonLinks(this IServiceCollection services)
    {
        // A customer clicks once or twice; a client walking tokens or replaying one does not get far.
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static IEndpointRouteBuilder MapReasonLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/why/{token}", async (string token, string? r, HttpContext http, ReasonCapture reasons, CancellationToken ct) =>
        {
            var byPerson = http.Request.Headers["Sec-Fetch-User"] == "?1";
            var answer = byPerson ? await reasons.GiveAsync(token, r, ct) : await reasons.CheckAsync(token, r, ct);
            return answer is { Outcome: ReasonOutcome.Valid, Recorded: false, AlreadyGiven: false } ? Ask(http, token, answer) : Page(http, answer);
        }).RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();

        app.MapPost("/why/{token}", async (string token, string? r, HttpContext http, ReasonCapture reasons, CancellationToken ct) =>
            Page(http, await reasons.GiveAsync(token, r, ct)))
            .DisableAntiforgery().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext http, ReasonAnswer answer) => answer.Outcome switch
    {
        ReasonOutcome.Valid => Thanks(http, answer),
        ReasonOutcome.Expired => Expired(http, answer),
        _ => HtmlPage.Render("Link not found", """
            <h1>We couldn't find that link</h1>
            <p>This link is incomplete or no longer valid. If you copied it from an email, make sure the whole link was copied.</p>
            """, StatusCodes.Status404NotFound),
    };

    private static IResult Thanks(HttpContext http, ReasonAnswer answer)
    {
        var text = ReasonTexts.For(answer.Locale);
        var said = answer.AlreadyGiven
            ? $"<p>{HtmlPage.Encode(text.AlreadyGiven)}</p>"
            : $"""
              <p>{HtmlPage.Encode(string.Format(text.Culture, text.YouSaid, LeaveReasonWords.Label(answer.Reason, answer.Locale)))}</p>
              <p>{HtmlPage.Encode(string.Format(text.Culture, NextWords(answer.Reason, text), answer.StoreName))}</p>
              """;
        return ShopPage.Render(http, Face(answer), text.ThanksTitle, $"""
            <h1>{HtmlPage.Encode(text.ThanksHeading)}</h1>
            {said}
            <p><a class="button" href="{HtmlPage.Encode(answer.RestoreUrl)}">{HtmlPage.Encode(text.RestoreButton)}</a></p>
            """, text.Language);
    }

    private static string NextWords(LeaveReason reason, ReasonTexts text) => reason switch
    {
        LeaveReason.JustLooking => text.NoMoreReminders,
        LeaveReason.PaymentProblem => text.SomeoneWillHelp,
        _ => text.Helps,
    };

    private static IResult Ask(HttpContext http, string token, ReasonAnswer answer)
    {
        var text = ReasonTexts.For(answer.Locale);
        var action = $"/why/{Uri.EscapeDataString(token)}?r={LeaveReasonSlugs.Slug(answer.Reason)}";
        return ShopPage.Render(http, Face(answer), text.AskTitle, $"""
            <h1>{HtmlPage.Encode(text.AskTitle)}</h1>
            <p>{HtmlPage.Encode(string.Format(text.Culture, text.AskBody, LeaveReasonWords.Label(answer.Reason, answer.Locale)))}</p>
            <form method="post" action="{HtmlPage.Encode(action)}"><button type="submit">{HtmlPage.Encode(text.AskButton)}</button></form>
            """, text.Language);
    }

    private static IResult Expired(HttpContext http, ReasonAnswer answer)
    {
        var text = ReasonTexts.For(answer.Locale);
        var visit = answer.StoreUrl is { } url
            ? $"""<p><a class="button" href="{HtmlPage.Encode(url)}">{HtmlPage.Encode(string.Format(text.Culture, text.Visit, answer.StoreName))}</a></p>"""
            : "";
        return ShopPage.Render(http, Face(answer), text.ExpiredTitle, $"""
            <h1>{HtmlPage.Encode(text.ExpiredTitle)}</h1>
            <p>{HtmlPage.Encode(string.Format(text.Culture, text.ExpiredBody, answer.StoreName))}</p>
            {visit}
            """, text.Language, StatusCodes.Status410Gone);
    }

    private static ShopFace Face(ReasonAnswer answer) => new(answer.StoreName, answer.LogoUrl, answer.BrandColor);
}
