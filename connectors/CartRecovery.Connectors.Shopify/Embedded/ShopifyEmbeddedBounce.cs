using CartRecovery.Core.Pages;
using CartRecovery.Core.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Embedded;

/// <summary>
/// The "bounce" of Shopify's server-rendered embedded apps: a page of the app opened in the admin without a valid
/// session token goes to <c>/app/session-token</c> with <c>shopify-reload</c> naming the page; that page only loads App
/// Bridge, which sees <c>shopify-reload</c> and loads the page again with a fresh <c>id_token</c> (the pattern of
/// Shopify's own app libraries: https://shopify.dev/docs/apps/build/authentication-authorization/set-embedded-app-authorization).
/// A form posted with an expired token cannot be replayed that way: it gets a page that says to try again
/// (<see cref="ShopifyEmbeddedAdmin.StaleFormDocument"/>).
/// </summary>
internal static class ShopifyEmbeddedBounce
{
    public const string Path = "/app/session-token";
    private const string ReloadParameter = "shopify-reload";

    public static IEndpointRouteBuilder MapShopifyEmbeddedBounce(this IEndpointRouteBuilder app, EmbeddedAdmin admin)
    {
        app.MapGet(Path, Page).WithMetadata(admin).ExcludeFromDescription();
        return app;
    }

    /// <summary>The bounce page's address for <paramref name="page"/>, keeping the admin's parameters of <paramref name="query"/>.</summary>
    public static string Location(string page, IEnumerable<KeyValuePair<string, string>> query) =>
        QueryHelpers.AddQueryString(Path, query.Where(p => p.Key is "shop" or "host" or "embedded" or "locale")
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).Append(new(ReloadParameter, page)));

    private static IResult Page(HttpContext http, IOptions<ShopifyOptions> options, RecoveryOptions recovery, EmbeddedAdmin admin)
    {
        var reload = http.Request.Query[ReloadParameter].ToString();
        var text = ShopifyEmbeddedText.For(http.Request.Query["locale"].ToString());
        // App Bridge reloads whatever this names: only a page of this app, on its public address.
        if (!IsAppPage(reload, recovery.PublicBaseUrl) || !options.Value.IsConfigured)
            return Render(text.OpenFromAdminTitle, $"<h1>{PlainPage.Encode(text.OpenFromAdminTitle)}</h1><p>{PlainPage.Encode(text.OpenFromAdmin)}</p>",
                StatusCodes.Status400BadRequest, text.Lang);
        return Render("CartRecovery", $"<p class=\"muted\">{PlainPage.Encode(text.Loading)}</p>", StatusCodes.Status200OK, text.Lang, admin.HeadHtml);
    }

    internal static IResult Render(string title, string bodyHtml, int statusCode, string lang, string headHtml = "") =>
        Results.Content(PlainPage.Document(title, bodyHtml, lang, headHtml), PlainPage.ContentType, statusCode: statusCode);

    private static bool IsAppPage(string reload, Uri publicBase) =>
        Uri.TryCreate(reload, UriKind.Absolute, out var url)
        && Uri.Compare(url, publicBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && url.AbsolutePath.StartsWith(new Uri(publicBase, "app").AbsolutePath, StringComparison.Ordinal);
}
