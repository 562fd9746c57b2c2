using System.Globalization;
using System.Net;
using CartRecovery.Connectors.WooCommerce.Offers;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// Maps a storefront-captured cart (one that never became an order) to the shared cart model. Its restore link rebuilds
/// the cart: a shareable checkout link on WooCommerce 10.0+ (which can also apply the coupon), else add-to-cart for a
/// single line or the cart page (see <see cref="WooCommerceRestoreLinks"/>).
/// </summary>
internal static class CapturedCartMapper
{
    /// <summary>Prefix of captured carts' external ids, so they never collide with order ids.</summary>
    public const string ExternalIdPrefix = "capture:";
    public const string EmailRefKey = "capture_email";

    /// <summary>
    /// The reference an order uses to find the captured cart of the same shopper: a later order of that email converts
    /// it, a later pending order supersedes it. Only captured carts carry it, so an order's own cart never matches.
    /// </summary>
    public static string EmailRef(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return "capture-email:" + email.Trim().ToLowerInvariant();
    }

    public static CartSnapshot ToSnapshot(Store store, CapturedCart cart, DateTimeOffset now, bool supportsCheckoutLink)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        var site = new Uri(store.ExternalId);
        var currency = cart.Currency ?? store.Currency;
        var root = site.AbsoluteUri.TrimEnd('/');
        // The Store API entity-encodes product names as HTML ("Ship Your Idea &#8211; Black", "Ben &#038; Jerry&#8217;s"),
        // and the script passes them on as it reads them: decoded once here, like order lines, so emails and the API
        // show the characters.
        var lines = cart.Items.Select(i => new CartLine(
            WebUtility.HtmlDecode(i.Name),
            i.Quantity,
            Money.ParseMajor(i.Price.ToString(CultureInfo.InvariantCulture), currency),
            i.ProductId.ToString(CultureInfo.InvariantCulture),
            i.VariationId?.ToString(CultureInfo.InvariantCulture),
            ImageUrl: i.ImageUrl,
            ProductUrl: $"{root}/?post_type=product&p={i.ProductId.ToString(CultureInfo.InvariantCulture)}")).ToList();
        var total = lines.Sum(l => l.LineTotalMinor);

        var restore = supportsCheckoutLink
            ? WooCommerceRestoreLinks.CheckoutLink(site, cart.Items.Select(i => (i.PurchasableId, i.Quantity)), null)
            : cart.Items.Count == 1
                ? WooCommerceRestoreLinks.AddToCart(site, cart.Items[0].PurchasableId, cart.Items[0].Quantity)
                : WooCommerceRestoreLinks.CartPage(site);

        // The browser's clock is not trusted: the capture is dated when it arrives, which also keeps updates in order.
        return new CartSnapshot(
            store.Id,
            ExternalIdPrefix + cart.CartId,
            new CartContact(cart.Email, cart.Phone, AcceptsMarketing: cart.Consent, AcceptsSms: cart.SmsConsent),
            lines,
            currency,
            total,
            total,
            restore.AbsoluteUri,
            now,
            now)
        {
            PlatformRefs = new Dictionary<string, string>(StringComparer.Ordinal) { [EmailRefKey] = EmailRef(cart.Email) },
        };
    }
}
