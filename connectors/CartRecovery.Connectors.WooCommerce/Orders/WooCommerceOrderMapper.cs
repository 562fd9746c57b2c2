using System.Globalization;
using System.Net;
using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Orders;

/// <summary>
/// Maps a WooCommerce order (REST v3 / webhook payload, https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties)
/// to the shared cart model. Money fields are strings in major units ("29.35") except a line's <c>price</c>, a number;
/// <c>*_gmt</c> dates are UTC without an offset.
/// </summary>
internal static class WooCommerceOrderMapper
{
    public const string OrderIdRef = "order_id";
    public const string OrderKeyRef = "order_key";
    public const string CartHashRef = "cart_hash";

    /// <exception cref="FormatException">The order has no usable id.</exception>
    public static long ReadId(JsonElement order) =>
        WooJson.Long(order, "id") is > 0 and var id ? id : throw new FormatException("The order has no id.");

    public static string? ReadStatus(JsonElement order) => WooJson.NonEmpty(order, "status");

    /// <summary>When WooCommerce last changed the order: the polling cursor and the cart's <c>UpdatedAt</c>.</summary>
    public static DateTimeOffset ReadModifiedAt(JsonElement order) =>
        WooJson.GmtDate(order, "date_modified_gmt") ?? WooJson.GmtDate(order, "date_created_gmt")
        ?? throw new FormatException("The order has neither date_modified_gmt nor date_created_gmt.");

    /// <summary>The order as a cart snapshot of <paramref name="store"/>, keyed by the order id.</summary>
    /// <exception cref="FormatException">A required field is missing or not a number.</exception>
    public static CartSnapshot ToSnapshot(Store store, JsonElement order)
    {
        ArgumentNullException.ThrowIfNull(store);
        var id = ReadId(order);
        var currency = (WooJson.NonEmpty(order, "currency") ?? store.Currency).ToUpperInvariant();
        var site = new Uri(store.ExternalId);
        var lines = WooJson.Array(order, "line_items").Select(l => ToLine(l, currency, site)).OfType<CartLine>().ToList();
        var subtotal = WooJson.Array(order, "line_items").Sum(l => WooJson.NonEmpty(l, "subtotal") is { } s ? Money.ParseMajor(s, currency) : 0);
        var modified = ReadModifiedAt(order);
        var billing = WooJson.Object(order, "billing");
        var orderKey = WooJson.NonEmpty(order, "order_key");

        var refs = new Dictionary<string, string>(StringComparer.Ordinal) { [OrderIdRef] = id.ToString(CultureInfo.InvariantCulture) };
        if (orderKey is not null)
            refs[OrderKeyRef] = orderKey;
        if (WooJson.NonEmpty(order, "cart_hash") is { } cartHash)
            refs[CartHashRef] = cartHash;

        return new CartSnapshot(
            store.Id,
            id.ToString(CultureInfo.InvariantCulture),
            billing is { } b
                ? new CartContact(WooJson.NonEmpty(b, "email"), WooJson.NonEmpty(b, "phone"), WooJson.NonEmpty(b, "first_name"), WooJson.NonEmpty(b, "last_name"),
                    Country: CartContact.CountryCode(WooJson.Object(order, "shipping") is { } s ? WooJson.NonEmpty(s, "country") : null, WooJson.NonEmpty(b, "country")))
                : CartContact.Empty,
            lines,
            currency,
            subtotal > 0 ? subtotal : lines.Sum(l => l.LineTotalMinor),
            WooJson.NonEmpty(order, "total") is { } total ? Money.ParseMajor(total, currency) : 0,
            RestoreUrl(site, id, orderKey, WooJson.NonEmpty(order, "payment_url")),
            WooJson.GmtDate(order, "date_created_gmt") ?? modified,
            modified)
        {
            PlatformRefs = refs,
        };
    }

    /// <summary>The order that completes the cart reported under <paramref name="cartReference"/>.</summary>
    public static OrderReport ToOrderReport(Store store, JsonElement order, string cartReference)
    {
        ArgumentNullException.ThrowIfNull(store);
        var id = ReadId(order).ToString(CultureInfo.InvariantCulture);
        var currency = WooJson.NonEmpty(order, "currency") ?? store.Currency;
        var orderedAt = WooJson.GmtDate(order, "date_paid_gmt") ?? ReadModifiedAt(order);
        var total = WooJson.NonEmpty(order, "total") is { } t ? Money.ParseMajor(t, currency) : 0;
        return new OrderReport(store.Id, cartReference, id, total, orderedAt);
    }

    /// <summary>
    /// The order-pay link, <c>{checkout}/order-pay/{id}/?pay_for_order=true&amp;key={order_key}</c>
    /// (<c>WC_Order::get_checkout_payment_url</c>). The REST payload's <c>payment_url</c> is that link with the shop's real
    /// checkout slug, so it wins; the built one assumes the default <c>/checkout/</c> page and pretty permalinks.
    /// </summary>
    public static string? RestoreUrl(Uri site, long orderId, string? orderKey, string? paymentUrl)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (Uri.TryCreate(paymentUrl, UriKind.Absolute, out var given) && (given.Scheme == Uri.UriSchemeHttps || given.Scheme == Uri.UriSchemeHttp))
            return given.AbsoluteUri;
        return orderKey is null
            ? null
            : $"{site.AbsoluteUri.TrimEnd('/')}/checkout/order-pay/{orderId.ToString(CultureInfo.InvariantCulture)}/?pay_for_order=true&key={Uri.EscapeDataString(orderKey)}";
    }

    private static CartLine? ToLine(JsonElement line, string currency, Uri site)
    {
        var quantity = (int)Math.Clamp(WooJson.Long(line, "quantity") ?? 0, 0, int.MaxValue);
        if (quantity == 0)
            return null;
        // Product titles arrive as WordPress stores them, with HTML entities ("Ship Your Idea &ndash; Black"): decoded
        // once here, so emails (which escape them again) and the API show the characters.
        var name = WebUtility.HtmlDecode(WooJson.NonEmpty(line, "name") ?? "Item");
        var productId = WooJson.Long(line, "product_id") is > 0 and var p ? p : (long?)null;
        var variationId = WooJson.Long(line, "variation_id") is > 0 and var v ? v : (long?)null;
        var parentName = WooJson.NonEmpty(line, "parent_name") is { } parent ? WebUtility.HtmlDecode(parent) : null;
        // For a variation WooCommerce names the line "Parent - Attributes" (older titles: "Parent – Attributes") and
        // gives the parent title separately.
        var (title, variant) = variationId is not null && parentName is not null
            ? (parentName, AfterPrefix(name, parentName + " - ") ?? AfterPrefix(name, parentName + " \u2013 ") ?? name)
            : (name, (string?)null);
        // `price` is total / quantity after discounts; older payloads lack it, so fall back to the line total.
        var unit = WooJson.Decimal(line, "price") is { } price
            ? Money.ParseMajor(price.ToString(CultureInfo.InvariantCulture), currency)
            : WooJson.NonEmpty(line, "total") is { } lineTotal ? Money.ParseMajor(lineTotal, currency) / quantity : 0;
        var image = WooJson.Object(line, "image") is { } i && WooJson.NonEmpty(i, "src") is { } src ? src : null;
        // ?post_type=product&p=ID reaches the product under any permalink structure.
        var productUrl = productId is { } pid
            ? $"{site.AbsoluteUri.TrimEnd('/')}/?post_type=product&p={pid.ToString(CultureInfo.InvariantCulture)}"
            : null;
        return new CartLine(title, quantity, unit,
            productId?.ToString(CultureInfo.InvariantCulture), variationId?.ToString(CultureInfo.InvariantCulture),
            WooJson.NonEmpty(line, "sku"), variant, image, productUrl);
    }

    private static string? AfterPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length ? text[prefix.Length..] : null;
}
