namespace CartRecovery.Connectors.Shopify;

/// <summary>The Shopify app's settings (section <c>Shopify</c>). An empty client id or secret switches Shopify off.</summary>
public sealed class ShopifyOptions
{
    public const string Section = "Shopify";

    /// <summary>The app's client id (API key) from the Dev Dashboard.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app's client secret: signs install redirects and webhooks, and authenticates token requests.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// Requested access scopes, comma-separated, as the authorize URL takes them. <c>unauthenticated_read_product_listings</c>
    /// lets the app create the storefront access token its related products are read with.
    /// </summary>
    public string Scopes { get; set; } = "read_orders,write_discounts,read_customers,unauthenticated_read_product_listings";

    /// <summary>
    /// The pinned Admin API version. Shopify releases one every quarter (YYYY-01/04/07/10) and supports each for at least
    /// 12 months; an unsupported version silently falls forward to the oldest supported one, so bump this deliberately.
    /// See https://shopify.dev/docs/api/usage/versioning.
    /// </summary>
    public string ApiVersion { get; set; } = "2026-10";

    /// <summary>
    /// When set, every shop's Admin API and OAuth calls go to this address instead of <c>https://{shop}/</c> (an emulator,
    /// a proxy). A store's own <see cref="Core.Stores.Store.ApiBaseUrl"/> wins over it.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>How far an install or callback <c>timestamp</c> may be from our clock (replay protection).</summary>
    public TimeSpan InstallTimestampTolerance { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>An expiring access token is refreshed when it has less than this left.</summary>
    public TimeSpan RefreshAheadOf { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Abandoned checkouts per poll page. Small on purpose: with their line items a page must stay under Shopify's
    /// 1,000-point single-query cost cap (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
    /// </summary>
    public int PollPageSize { get; set; } = 10;

    /// <summary>Pages one poll pass reads at most; the next pass resumes where this one stopped.</summary>
    public int PollMaxPages { get; set; } = 20;

    /// <summary>True when the app credentials are present; the host refuses installs otherwise.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
