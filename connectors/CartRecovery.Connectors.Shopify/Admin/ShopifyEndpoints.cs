using System.Globalization;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>The addresses of a shop's Admin API and OAuth endpoints, honouring the configured overrides.</summary>
internal static class ShopifyEndpoints
{
    /// <summary>
    /// The root every call for <paramref name="shopDomain"/> is made against: the store's own override, else the app-wide
    /// <see cref="ShopifyOptions.ApiBaseUrl"/>, else <c>https://{shop}/</c>. The shop must have been validated already.
    /// </summary>
    public static Uri ShopBase(string shopDomain, string? storeApiBaseUrl, ShopifyOptions options)
    {
        if (!string.IsNullOrWhiteSpace(storeApiBaseUrl))
            return WithTrailingSlash(new Uri(storeApiBaseUrl, UriKind.Absolute));
        if (options.ApiBaseUrl is { } configured)
            return WithTrailingSlash(configured);
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{shopDomain}/"));
    }

    public static Uri GraphQl(Uri shopBase, string apiVersion) => new(shopBase, $"admin/api/{apiVersion}/graphql.json");

    /// <summary>The Storefront API of the shop (https://shopify.dev/docs/api/storefront): same host, same version names.</summary>
    public static Uri StorefrontGraphQl(Uri shopBase, string apiVersion) => new(shopBase, $"api/{apiVersion}/graphql.json");

    public static Uri Authorize(Uri shopBase) => new(shopBase, "admin/oauth/authorize");

    public static Uri AccessToken(Uri shopBase) => new(shopBase, "admin/oauth/access_token");

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
