using System.Globalization;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Stores;

namespace CartRecovery.Email.Templates;

/// <summary>
/// Turns an <see cref="EmailModel"/> into the plain snake_case dictionaries templates see. Templates get text that
/// is ready to print (money and dates formatted), never Core records, so renaming a C# property can't silently
/// blank a template and a merchant's template can't reach members we did not mean to show.
/// </summary>
internal static class TemplateModel
{
    public const string DateFormat = "d MMM yyyy HH:mm";

    public static Dictionary<string, object?> Build(EmailModel model)
    {
        var store = model.Store;
        var cart = model.Cart;
        return new()
        {
            ["store"] = new Dictionary<string, object?>
            {
                ["name"] = store.Name,
                ["url"] = WebUrlOrNull(store.StorefrontUrl),
            },
            ["customer"] = new Dictionary<string, object?>
            {
                ["first_name"] = cart.Contact.FirstName?.Trim() ?? "",
                ["email"] = cart.Contact.Email ?? "",
            },
            ["cart"] = new Dictionary<string, object?>
            {
                ["lines"] = cart.Lines.Select(line => Line(line, cart.Currency)).ToList(),
                ["total"] = Money.Format(cart.TotalMinor, cart.Currency),
                ["item_count"] = cart.Lines.Sum(l => l.Quantity),
                // WooCommerce's order-pay page asks a guest for the billing email before it shows the order: say so.
                ["asks_for_email"] = store.Platform == Platforms.WooCommerce
                    && cart.RestoreUrl?.Contains("/order-pay/", StringComparison.Ordinal) == true,
            },
            ["restore_url"] = model.RestoreUrl,
            ["unsubscribe_url"] = model.UnsubscribeUrl,
            ["offer"] = model.Offer is { } offer
                ? new Dictionary<string, object?>
                {
                    ["code"] = offer.Code,
                    ["description"] = offer.Description,
                    ["expires_at"] = FormatInStoreTime(offer.ExpiresAt, store),
                }
                : null,
        };
    }

    /// <summary>A moment as the store's customers read it; an unknown time zone falls back to UTC.</summary>
    public static string FormatInStoreTime(DateTimeOffset at, Store store)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(store.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(at, zone).ToString(DateFormat, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, object?> Line(CartLine line, string currency) => new()
    {
        ["title"] = line.Title,
        // Liquid treats "" as true, so an empty variant becomes nil and "{% if line.variant_title %}" just works.
        ["variant_title"] = string.IsNullOrWhiteSpace(line.VariantTitle) ? null : line.VariantTitle,
        ["quantity"] = line.Quantity,
        ["unit_price"] = Money.Format(line.UnitPriceMinor, currency),
        ["line_total"] = Money.Format(line.LineTotalMinor, currency),
        ["image_url"] = WebUrlOrNull(line.ImageUrl),
        ["product_url"] = WebUrlOrNull(line.ProductUrl),
    };

    // Platform data lands in href and src attributes. HTML encoding doesn't stop "javascript:" or "data:" URLs,
    // so only absolute http(s) URLs get through.
    private static string? WebUrlOrNull(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;
}
