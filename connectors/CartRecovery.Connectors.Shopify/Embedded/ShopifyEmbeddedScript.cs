using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Shopify.Embedded;

/// <summary>
/// <c>GET /shopify/embedded.js</c>: the app pages' own script inside the Shopify admin (<c>embedded.js</c>, embedded in
/// this assembly), which gives every link and form a fresh session token. Its address carries a hash of its content,
/// so it is cached for good and a new version is fetched at once.
/// </summary>
internal static class ShopifyEmbeddedScript
{
    public const string Path = "/shopify/embedded.js";

    private static readonly byte[] Content = Read();

    /// <summary>The script's address with its version, for the pages' head.</summary>
    public static string Source { get; } = $"{Path}?v={Convert.ToHexStringLower(SHA256.HashData(Content))[..16]}";

    public static IEndpointRouteBuilder MapShopifyEmbeddedScript(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Content, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static byte[] Read()
    {
        using var stream = typeof(ShopifyEmbeddedScript).Assembly.GetManifestResourceStream("CartRecovery.Connectors.Shopify.Embedded.embedded.js")
            ?? throw new InvalidOperationException("embedded.js is not embedded in the Shopify connector.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
