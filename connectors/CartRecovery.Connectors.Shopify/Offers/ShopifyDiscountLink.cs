namespace CartRecovery.Connectors.Shopify.Offers;

/// <summary>
/// Shopify's shareable discount link, <c>https://{storefront}/discount/{CODE}?redirect={path}</c>: the storefront stores
/// the code in the session (it is applied at checkout) and then redirects to the relative path. The format comes from the
/// Shopify Help Center ("shareable discount links"), not from the Admin API reference: check it on a dev store.
/// </summary>
internal static class ShopifyDiscountLink
{
    /// <summary>
    /// The link for <paramref name="code"/> that lands on <paramref name="recoveryUrl"/>. It is built on the recovery
    /// URL's own host (the shop's storefront domain), because <c>redirect</c> only takes a path on that host.
    /// </summary>
    public static Uri Build(Uri recoveryUrl, string code)
    {
        ArgumentNullException.ThrowIfNull(recoveryUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var origin = recoveryUrl.GetLeftPart(UriPartial.Authority);
        return new Uri($"{origin}/discount/{Uri.EscapeDataString(code)}?redirect={Uri.EscapeDataString(recoveryUrl.PathAndQuery)}");
    }

    /// <summary>The link for a cart without a recovery URL: apply the code, land on the storefront's home page.</summary>
    public static Uri ForStorefront(Uri storefront, string code)
    {
        ArgumentNullException.ThrowIfNull(storefront);
        return new Uri($"{storefront.GetLeftPart(UriPartial.Authority)}/discount/{Uri.EscapeDataString(code)}?redirect=%2F");
    }
}
