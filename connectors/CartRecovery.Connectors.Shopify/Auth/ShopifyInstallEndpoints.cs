using CartRecovery.Core.Pages;
using CartRecovery.Core.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// The public-app install: <c>GET /auth/shopify</c> (the App URL Shopify opens from the listing) verifies the request
/// and sends the merchant to Shopify's consent page; <c>GET /auth/shopify/callback</c> finishes it. The state nonce
/// travels in a short-lived HttpOnly cookie, so a callback replayed from another browser, or twice, is refused.
/// </summary>
internal static class ShopifyInstallEndpoints
{
    private const string StateCookie = "cartrecovery_shopify_state";
    private const string CallbackPath = "auth/shopify/callback";

    public static IEndpointRouteBuilder MapShopifyInstall(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/shopify", (HttpContext http, ShopifyInstallFlow flow, RecoveryOptions recovery) =>
        {
            var start = flow.Start(Query(http.Request), new Uri(recovery.PublicBaseUrl, CallbackPath));
            if (!start.Succeeded)
                return Refused(start.Reason);
            http.Response.Cookies.Append(StateCookie, start.State!, new CookieOptions
            {
                HttpOnly = true,
                Secure = recovery.PublicBaseUrl.Scheme == Uri.UriSchemeHttps,
                // Lax: the callback is a top-level GET navigation back from Shopify, which Lax cookies accompany.
                SameSite = SameSiteMode.Lax,
                Path = "/auth/shopify",
                MaxAge = TimeSpan.FromMinutes(10),
            });
            return Results.Redirect(start.AuthorizeUrl!.AbsoluteUri);
        }).ExcludeFromDescription();

        app.MapGet("/auth/shopify/callback", async (HttpContext http, ShopifyInstallFlow flow, RecoveryOptions recovery, CancellationToken ct) =>
        {
            var expected = http.Request.Cookies[StateCookie];
            // The nonce is single-use whatever happens next.
            http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/auth/shopify" });
            var result = await flow.CompleteAsync(Query(http.Request), expected, new Uri(recovery.PublicBaseUrl, CallbackPath), ct);
            if (!result.Succeeded)
                return Refused(result.Reason);
            var store = result.Store!;
            return Page("CartRecovery is installed", $"""
                <h1>CartRecovery is installed</h1>
                <p>{PlainPage.Encode(store.Name)} is connected. Abandoned checkouts are now captured and the standard recovery
                sequence (a reminder after 1 hour, an offer after 24 hours, a follow-up task after 48 hours) is on.</p>
                <p class="muted">Store {store.Id} · {PlainPage.Encode(store.ExternalId)}</p>
                """);
        }).ExcludeFromDescription();
        return app;
    }

    private static Dictionary<string, string> Query(HttpRequest request) =>
        request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    private static IResult Refused(string? reason) => Page("Installation refused", $"""
        <h1>We couldn't complete the installation</h1>
        <p>{PlainPage.Encode(reason ?? "The request was not valid.")}</p>
        <p class="muted">Start again from your Shopify admin (Apps), which signs a fresh request.</p>
        """, StatusCodes.Status400BadRequest);

    private static IResult Page(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(PlainPage.Document(title, bodyHtml), PlainPage.ContentType, statusCode: statusCode);
}
