using System.Globalization;

namespace CartRecovery.Connectors.WooCommerce.Offers;

/// <summary>
/// The ways back into a WooCommerce shop that work from an email link without a companion plugin:
/// <list type="bullet">
/// <item>the order-pay link of a pending/failed order (built by <see cref="Orders.WooCommerceOrderMapper.RestoreUrl"/>);
/// it pays the order as it is, so no coupon can be added there;</item>
/// <item>the shareable checkout link <c>/checkout-link/?products=ID:QTY,...&amp;coupon=CODE</c> (WooCommerce 10.0+,
/// PR #58140, CheckoutLink.php): empties the cart, adds the products (variation ids for variations), applies the coupon
/// and redirects to checkout;</item>
/// <item>on older shops, <c>?add-to-cart=ID&amp;quantity=N</c>, which core handles for one product per request, and
/// the cart page for carts of several lines (the shopper's session usually still holds them on the same device).</item>
/// </list>
/// </summary>
internal static class WooCommerceRestoreLinks
{
    public static Uri CheckoutLink(Uri site, IEnumerable<(long ProductId, int Quantity)> items, string? couponCode)
    {
        ArgumentNullException.ThrowIfNull(items);
        var products = string.Join(",", items.Select(i => i.ProductId.ToString(CultureInfo.InvariantCulture) + ":" + i.Quantity.ToString(CultureInfo.InvariantCulture)));
        var coupon = string.IsNullOrEmpty(couponCode) ? "" : "&coupon=" + Uri.EscapeDataString(couponCode);
        return new Uri(Root(site) + "/checkout-link/?products=" + products + coupon);
    }

    public static Uri AddToCart(Uri site, long productId, int quantity) =>
        new(Root(site) + "/?add-to-cart=" + productId.ToString(CultureInfo.InvariantCulture) + "&quantity=" + quantity.ToString(CultureInfo.InvariantCulture));

    public static Uri CartPage(Uri site) => new(Root(site) + "/cart/");

    /// <summary>Appends the coupon to a checkout link; other links cannot carry one (core has no coupon URL parameter).</summary>
    public static bool TryAddCoupon(Uri restoreUrl, string couponCode, out Uri withCoupon)
    {
        ArgumentNullException.ThrowIfNull(restoreUrl);
        withCoupon = restoreUrl;
        if (!restoreUrl.AbsolutePath.EndsWith("/checkout-link/", StringComparison.Ordinal) || restoreUrl.Query.Contains("coupon=", StringComparison.Ordinal))
            return false;
        withCoupon = new Uri(restoreUrl.AbsoluteUri + "&coupon=" + Uri.EscapeDataString(couponCode));
        return true;
    }

    /// <summary>Shareable checkout links arrived in WooCommerce 10.0.</summary>
    public static bool SupportsCheckoutLink(string? wooCommerceVersion)
    {
        var text = wooCommerceVersion?.Split('-', 2)[0].Trim() ?? "";
        if (text.Length > 0 && !text.Contains('.', StringComparison.Ordinal))
            text += ".0";
        return Version.TryParse(text, out var version) && version.Major >= 10;
    }

    private static string Root(Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
