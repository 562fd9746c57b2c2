using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Localization;

namespace CartRecovery.Email.Templates;

/// <summary>
/// Turns an <see cref="EmailModel"/> into the plain snake_case dictionaries templates see. Templates get text that
/// is ready to print (money and dates formatted), never Core records, so renaming a C# property can't silently
/// blank a template and a merchant's template can't reach members we did not mean to show. Text is formatted in
/// the email's language: the layout's footer words, money ("189,00 €") and the offer's expiry.
/// </summary>
internal static class TemplateModel
{
    public static Dictionary<string, object?> Build(EmailModel model, string language)
    {
        var store = model.Store;
        var cart = model.Cart;
        var culture = EmailLanguage.Culture(language);
        var phrases = EmailPhrases.For(language);
        return new()
        {
            ["locale"] = language,
            ["footer"] = new Dictionary<string, object?>
            {
                ["reason"] = phrases.FooterReason,
                ["unsubscribe"] = phrases.Unsubscribe,
                ["unsubscribe_label"] = phrases.UnsubscribeLabel,
            },
            ["store"] = new Dictionary<string, object?>
            {
                ["name"] = store.Name,
                ["url"] = WebUrlOrNull(store.StorefrontUrl),
                ["logo_url"] = WebUrlOrNull(store.LogoUrl),
                // Only a plain #RRGGBB reaches a style attribute; anything else falls back to the neutral default.
                ["brand_color"] = store.BrandColor is { Length: 7 } c && c[0] == '#' && c[1..].All(char.IsAsciiHexDigit) ? c : "#18181b",
                ["address"] = string.IsNullOrWhiteSpace(store.PostalAddress) ? null : store.PostalAddress.Trim(),
            },
            ["customer"] = new Dictionary<string, object?>
            {
                ["first_name"] = cart.Contact.FirstName?.Trim() ?? "",
                ["email"] = cart.Contact.Email ?? "",
            },
            ["cart"] = new Dictionary<string, object?>
            {
                ["lines"] = cart.Lines.Select(line => Line(line, cart.Currency, culture)).ToList(),
                ["total"] = EmailMoney.Format(cart.TotalMinor, cart.Currency, culture),
                ["item_count"] = cart.Lines.Sum(l => l.Quantity),
                // WooCommerce's order-pay page asks a guest for the billing email before it shows the order: say so.
                ["asks_for_email"] = store.Platform == Platforms.WooCommerce
                    && cart.RestoreUrl?.Contains("/order-pay/", StringComparison.Ordinal) == true,
            },
            // Products the shop relates to the cart's ("You may also like"); empty when the platform had none in time.
            ["related_products"] = model.RelatedProducts.Select(p => new Dictionary<string, object?>
            {
                ["title"] = p.Title,
                ["price"] = EmailMoney.Format(p.PriceMinor, p.Currency, culture),
                ["url"] = WebUrlOrNull(p.Url),
                ["image_url"] = WebUrlOrNull(p.ImageUrl),
            }).Where(p => p["url"] is not null).ToList(),
            ["restore_url"] = model.RestoreUrl,
            ["unsubscribe_url"] = model.UnsubscribeUrl,
            // The first email's "why did you leave?" links, one per reason in the email's language; nil in later emails.
            ["reasons"] = model.ReasonUrl is { } reasonUrl
                ? LeaveReasonSlugs.All.Select(r => new Dictionary<string, object?>
                {
                    ["label"] = LeaveReasonWords.Label(r, language),
                    ["url"] = $"{reasonUrl}?r={LeaveReasonSlugs.Slug(r)}",
                }).ToList()
                : null,
            ["offer"] = model.Offer is { } offer
                ? new Dictionary<string, object?>
                {
                    ["code"] = offer.Code,
                    // The step's offer spec says it in the email's language; the issued description is English.
                    ["description"] = model.Message.Offer is { } spec ? phrases.Offer(spec, cart.Currency, culture) : offer.Description,
                    ["expires_at"] = WithZone(InStoreTime(offer.ExpiresAt, store), local => phrases.Date(local, culture)),
                }
                : null,
        };
    }

    /// <summary>
    /// A wall-clock time followed by its offset from UTC ("18:00 (UTC+1)"): the customer may not live where the shop
    /// does, and an offset reads the same in every language.
    /// </summary>
    public static string WithZone(DateTimeOffset local, Func<DateTimeOffset, string> wallClock)
    {
        ArgumentNullException.ThrowIfNull(wallClock);
        var offset = local.Offset;
        if (offset == TimeSpan.Zero)
            return $"{wallClock(local)} (UTC)";
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var hours = ((int)abs.TotalHours).ToString(CultureInfo.InvariantCulture);
        var zone = abs.Minutes == 0 ? hours : $"{hours}:{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
        return $"{wallClock(local)} (UTC{sign}{zone})";
    }

    /// <summary>A moment on the store's clock, which is what its customers read; an unknown time zone falls back to UTC.</summary>
    public static DateTimeOffset InStoreTime(DateTimeOffset at, Store store)
    {
        return TimeZoneInfo.ConvertTime(at, store.ResolveTimeZone());
    }

    private static Dictionary<string, object?> Line(CartLine line, string currency, CultureInfo culture) => new()
    {
        ["title"] = line.Title,
        // Liquid treats "" as true, so an empty variant becomes nil and "{% if line.variant_title %}" just works.
        ["variant_title"] = string.IsNullOrWhiteSpace(line.VariantTitle) ? null : line.VariantTitle,
        ["quantity"] = line.Quantity,
        ["unit_price"] = EmailMoney.Format(line.UnitPriceMinor, currency, culture),
        ["line_total"] = EmailMoney.Format(line.LineTotalMinor, currency, culture),
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
