namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// Where and as whom to call one store's REST API. <see cref="SiteUrl"/> is the store's home URL as WordPress knows it
/// (what OAuth signatures cover); <see cref="ApiBaseUrl"/>, when set, is where the requests actually go (an emulator,
/// a proxy), and its scheme decides the auth scheme. Never logged: <see cref="ToString"/> hides the secret.
/// </summary>
internal sealed record WooCommerceConnection
{
    public WooCommerceConnection(Uri siteUrl, string consumerKey, string consumerSecret, Uri? apiBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerSecret);
        if (!siteUrl.IsAbsoluteUri)
            throw new ArgumentException("The site URL must be absolute.", nameof(siteUrl));
        SiteUrl = siteUrl;
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        ApiBaseUrl = apiBaseUrl;
    }

    public Uri SiteUrl { get; }
    public string ConsumerKey { get; }
    public string ConsumerSecret { get; }
    public Uri? ApiBaseUrl { get; }

    /// <summary>The URL a signature covers: the site's home URL plus the route, no query.</summary>
    public Uri SigningUrl(string relativePath) => Combine(SiteUrl, relativePath);

    /// <summary>The URL the request is sent to.</summary>
    public Uri RequestUrl(string relativePath) => Combine(ApiBaseUrl ?? SiteUrl, relativePath);

    public override string ToString() => $"WooCommerceConnection {{ SiteUrl = {SiteUrl}, secrets hidden }}";

    // Subdirectory installs (https://example.com/shop) keep their path: the REST root is {home}/wp-json/.
    private static Uri Combine(Uri root, string relativePath) =>
        new(root.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relativePath.TrimStart('/'));
}
