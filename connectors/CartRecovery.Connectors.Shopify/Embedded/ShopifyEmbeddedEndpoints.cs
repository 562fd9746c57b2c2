using CartRecovery.Core.Accounts;
using CartRecovery.Core.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Embedded;

/// <summary>
/// The embedded app. <c>GET /shopify</c> is the App URL: Shopify frames it in the admin with <c>shop</c>, <c>host</c>,
/// <c>embedded=1</c>, <c>locale</c> and <c>id_token</c> (https://shopify.dev/docs/apps/build/admin/embedded). The page
/// verifies the id_token (installing the shop by token exchange on its first load), then lands on the app's pages
/// (<c>/app</c>) with the same query; they authenticate every request with App Bridge's session token. The shop's
/// recovery summary stays an API (<c>/api/stores/{id}/summary</c>), callable with a session token as a Bearer header.
/// <c>/auth/shopify</c> stays the authorization-code install for the app used outside the admin.
/// </summary>
internal static class ShopifyEmbeddedEndpoints
{
    public static IEndpointRouteBuilder MapShopifyEmbedded(this IEndpointRouteBuilder app)
    {
        // The admin frames both pages and they load App Bridge: the host's security headers read that from this metadata.
        var admin = app.ServiceProvider.GetRequiredService<EmbeddedAdmin>();
        app.MapShopifyEmbeddedBounce(admin);
        app.MapShopifyEmbeddedScript();
        app.MapGet("/shopify", PageAsync).WithMetadata(admin).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext http, IEmbeddedSignIn signIn, IOptions<ShopifyOptions> options, CancellationToken ct)
    {
        var query = http.Request.Query;
        var text = ShopifyEmbeddedText.For(query["locale"].ToString());
        var idToken = query["id_token"].ToString();
        if (!options.Value.IsConfigured || idToken.Length == 0)
            return Refused(text, text.OpenFromAdminTitle, text.OpenFromAdmin, StatusCodes.Status401Unauthorized);

        var caller = await signIn.SignInAsync(idToken, recordSignIn: true, ct);
        if (!caller.Succeeded)
        {
            return caller.Failure switch
            {
                EmbeddedFailure.InstallFailed => Refused(text, text.NotConnectedTitle, caller.Reason!, StatusCodes.Status503ServiceUnavailable),
                EmbeddedFailure.NoAccess => Refused(text, text.NoAccessTitle, caller.Reason!, StatusCodes.Status403Forbidden),
                _ => Refused(text, text.OpenFromAdminTitle, text.OpenFromAdmin, StatusCodes.Status401Unauthorized),
            };
        }

        var store = caller.Store!;
        // The frame-ancestors header names the shop of the query string: it must be the shop the token was issued in.
        if (!string.Equals(query["shop"].ToString(), store.ExternalId, StringComparison.OrdinalIgnoreCase))
            return Refused(text, text.OpenFromAdminTitle, text.WrongShop, StatusCodes.Status400BadRequest);

        // The App URL lands on the app's dashboard, embedded: the same query (shop, host, embedded, locale, the token).
        return Results.Redirect("/app" + http.Request.QueryString);
    }

    private static IResult Refused(ShopifyEmbeddedText text, string title, string reason, int status) =>
        ShopifyEmbeddedBounce.Render(title, $"""
            <h1>{PlainPage.Encode(title)}</h1>
            <p>{PlainPage.Encode(reason)}</p>
            """, status, text.Lang);
}
