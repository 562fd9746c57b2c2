using CartRecovery.Connectors.Shopify;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Hosting;
using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Shopify;

/// <summary>
/// The "bounce" of Shopify's server-rendered embedded apps: a page of the app opened in the admin without a valid
/// session token goes to <c>/app/session-token</c> with <c>shopify-reload</c> naming the page; that page only loads App
/// Bridge, which sees <c>shopify-reload</c> and loads the page again with a fresh <c>id_token</c> (the pattern of
/// Shopify's own app libraries: https://shopify.dev/docs/apps/build/authentication-authorization/set-embedded-app-authorization).
/// A form posted with an expired token cannot be replayed that way: it gets a page that says to try again.
/// </summary>
internal static class ShopifyEmbeddedBounce
{
    public const string Path = "/app/session-token";
    private const string ReloadParameter = "shopify-reload";

    public static IEndpointRouteBuilder MapShopifyEmbeddedBounce(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Page).AllowShopifyAdminFraming().AllowShopifyAppBridge().ExcludeFromDescription();
        return app;
    }

    public static Task ChallengeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var text = ShopifyEmbeddedText.For(request.Query["locale"].ToString());
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return HtmlPage.Render(text.OpenFromAdminTitle, $"<h1>{HtmlPage.Encode(text.OpenFromAdminTitle)}</h1><p>{HtmlPage.Encode(text.OpenFromAdmin)}</p>",
                StatusCodes.Status401Unauthorized, text.Lang).ExecuteAsync(http);
        var kept = request.Query.Where(p => p.Key != ShopifyEmbeddedRequest.TokenField).ToList();
        // Absolute, on the public address (what Shopify's own libraries send: a proxy may rewrite the Host header).
        var publicBase = http.RequestServices.GetRequiredService<RecoveryOptions>().PublicBaseUrl;
        var page = QueryHelpers.AddQueryString(new Uri(publicBase, request.Path.Value!.TrimStart('/')).AbsoluteUri, kept);
        var bounce = QueryHelpers.AddQueryString(Path, kept.Where(p => p.Key is "shop" or "host" or "embedded" or "locale")
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())).Append(new(ReloadParameter, page)));
        http.Response.Redirect(bounce);
        return Task.CompletedTask;
    }

    private static IResult Page(HttpContext http, IOptions<ShopifyOptions> options, RecoveryOptions recovery)
    {
        var reload = http.Request.Query[ReloadParameter].ToString();
        var text = ShopifyEmbeddedText.For(http.Request.Query["locale"].ToString());
        // App Bridge reloads whatever this names: only a page of this app, on its public address.
        if (!IsAppPage(reload, recovery.PublicBaseUrl) || !options.Value.IsConfigured)
            return HtmlPage.Render(text.OpenFromAdminTitle, $"<h1>{HtmlPage.Encode(text.OpenFromAdminTitle)}</h1><p>{HtmlPage.Encode(text.OpenFromAdmin)}</p>",
                StatusCodes.Status400BadRequest, text.Lang);
        return HtmlPage.Render("CartRecovery", $"<p class=\"muted\">{HtmlPage.Encode(text.Loading)}</p>", lang: text.Lang, headHtml: $"""
            <meta name="shopify-api-key" content="{HtmlPage.Encode(options.Value.ClientId)}">
              <script src="{SecurityHeaders.AppBridgeScript}"></script>
            """);
    }

    private static bool IsAppPage(string reload, Uri publicBase) =>
        Uri.TryCreate(reload, UriKind.Absolute, out var url)
        && Uri.Compare(url, publicBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && url.AbsolutePath.StartsWith(new Uri(publicBase, "app").AbsolutePath, StringComparison.Ordinal);
}
