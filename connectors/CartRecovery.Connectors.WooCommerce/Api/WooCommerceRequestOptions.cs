namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// What <see cref="WooCommerceAuthHandler"/> needs to (re)build a request's URL and credentials. The handler sits inside
/// the retry handler, so every attempt gets a fresh OAuth timestamp and nonce: WooCommerce refuses a reused nonce.
/// </summary>
internal static class WooCommerceRequestOptions
{
    public static readonly HttpRequestOptionsKey<WooCommerceConnection> Connection = new("woocommerce.connection");
    public static readonly HttpRequestOptionsKey<string> Route = new("woocommerce.route");
    public static readonly HttpRequestOptionsKey<IReadOnlyList<KeyValuePair<string, string>>> Query = new("woocommerce.query");

    /// <summary>Public routes (the WordPress index) go without credentials.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("woocommerce.anonymous");

    public static Uri BuildUri(Uri baseUrl, IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0
            ? baseUrl
            : new Uri(baseUrl + "?" + string.Join("&", query.Select(p => WooCommerceOAuth1.Encode(p.Key) + "=" + WooCommerceOAuth1.Encode(p.Value))));
}
