using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// What a shopper's browser sees of the shop: the classic checkout page (with the merchant's CartRecovery script tag)
/// and the public Store API cart the script reads. The Store API needs no key; it answers for the visitor's session.
/// </summary>
internal static class EmulatorStorefront
{
    /// <summary>The shop's home page: WordPress prints the pasted script tag in the head of every page, this one included.</summary>
    public static async Task WriteHomePageAsync(HttpResponse response, EmulatorState state, WooCommerceEmulatorOptions options)
    {
        Uri? script;
        lock (state.Gate)
            script = state.CaptureScriptUrl;
        var tag = script is null ? "" : $"""<script src="{WebUtility.HtmlEncode(script.AbsoluteUri)}" async></script>""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en-US">
            <head><meta charset="UTF-8"><title>{WebUtility.HtmlEncode(options.StoreName)}</title>{tag}</head>
            <body class="home page-template-default page"><h1>{WebUtility.HtmlEncode(options.StoreName)}</h1></body>
            </html>
            """;
        response.StatusCode = 200;
        response.ContentType = "text/html; charset=UTF-8";
        await response.WriteAsync(html, Encoding.UTF8);
    }

    public static async Task WriteCheckoutPageAsync(HttpResponse response, EmulatorState state, WooCommerceEmulatorOptions options)
    {
        Uri? script;
        lock (state.Gate)
            script = state.CaptureScriptUrl;
        // The tag exactly as the merchant pastes it; WordPress prints it in the page head.
        var tag = script is null ? "" : $"""<script src="{WebUtility.HtmlEncode(script.AbsoluteUri)}" async></script>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en-US">
            <head>
            <meta charset="UTF-8">
            <title>Checkout – {{WebUtility.HtmlEncode(options.StoreName)}}</title>
            {{tag}}
            </head>
            <body class="page-template-default page woocommerce-checkout woocommerce-page">
            <form name="checkout" method="post" class="checkout woocommerce-checkout" action="/checkout/" enctype="multipart/form-data">
              <p class="form-row form-row-wide validate-required validate-email" id="billing_email_field">
                <label for="billing_email">Email address&nbsp;<abbr class="required" title="required">*</abbr></label>
                <input type="email" class="input-text" name="billing_email" id="billing_email" autocomplete="email username">
              </p>
              <p class="form-row form-row-wide validate-phone" id="billing_phone_field">
                <label for="billing_phone">Phone&nbsp;<span class="optional">(optional)</span></label>
                <input type="tel" class="input-text" name="billing_phone" id="billing_phone" autocomplete="tel">
              </p>
              <p class="form-row">
                <label><input type="checkbox" id="cartrecovery-consent" name="cartrecovery_consent"> Email me my cart if I don't finish</label>
              </p>
              <p class="form-row">
                <label><input type="checkbox" id="cartrecovery-sms-consent" name="cartrecovery_sms_consent"> Text me about my cart</label>
              </p>
              <button type="submit" class="button alt" name="woocommerce_checkout_place_order" id="place_order">Place order</button>
            </form>
            </body>
            </html>
            """;
        response.StatusCode = 200;
        response.ContentType = "text/html; charset=UTF-8";
        await response.WriteAsync(html, Encoding.UTF8);
    }

    /// <summary>
    /// <c>GET /wp-json/wc/store/v1/cart</c>: every amount is a string of minor units (<c>currency_minor_unit</c> is the
    /// shop's "number of decimals" setting, not the ISO exponent).
    /// See https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/src/StoreApi/docs/cart.md
    /// </summary>
    public static async Task WriteCartAsync(HttpResponse response, EmulatorState state, WooCommerceEmulatorOptions options, Uri home)
    {
        List<StorefrontCartItem> items;
        int minorUnit;
        lock (state.Gate)
        {
            items = [.. state.StorefrontCart];
            minorUnit = state.StorefrontMinorUnit;
        }
        var root = home.AbsoluteUri.TrimEnd('/');
        var totalItems = items.Sum(i => i.PriceMinor * i.Quantity);
        var cart = new JsonObject
        {
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode)Item(i, options.Currency, minorUnit, root))]),
            ["coupons"] = new JsonArray(),
            ["fees"] = new JsonArray(),
            ["totals"] = Currency(options.Currency, minorUnit, new JsonObject
            {
                ["total_items"] = Minor(totalItems),
                ["total_items_tax"] = "0",
                ["total_fees"] = "0",
                ["total_fees_tax"] = "0",
                ["total_discount"] = "0",
                ["total_discount_tax"] = "0",
                ["total_shipping"] = null,
                ["total_shipping_tax"] = null,
                ["total_price"] = Minor(totalItems),
                ["total_tax"] = "0",
                ["tax_lines"] = new JsonArray(),
            }),
            ["shipping_address"] = Address(),
            ["billing_address"] = Address(billing: true),
            ["needs_payment"] = totalItems > 0,
            ["needs_shipping"] = items.Count > 0,
            ["payment_requirements"] = new JsonArray("products"),
            ["has_calculated_shipping"] = false,
            ["shipping_rates"] = new JsonArray(),
            ["items_count"] = items.Sum(i => i.Quantity),
            ["items_weight"] = 0,
            ["cross_sells"] = new JsonArray(),
            ["errors"] = new JsonArray(),
            ["payment_methods"] = new JsonArray("bacs", "cheque"),
            ["extensions"] = new JsonObject(),
        };
        // The cart is the visitor's session: WordPress marks it uncacheable.
        response.Headers.CacheControl = "no-cache, must-revalidate, max-age=0, no-store, private";
        await EmulatorHttp.WriteJsonAsync(response, 200, cart);
    }

    /// <summary>
    /// The Store API's <c>prepare_html_response</c>: texts go out as HTML after <c>wptexturize</c>, so " - " becomes an
    /// en dash entity, an apostrophe a right quote entity and a bare ampersand <c>&amp;#038;</c> (entities already in
    /// the title stay as they are).
    /// </summary>
    internal static string StoreApiText(string text) =>
        Regex.Replace(text, "&(?!#?[A-Za-z0-9]+;)", "&#038;")
            .Replace(" - ", " &#8211; ", StringComparison.Ordinal).Replace("'", "&#8217;", StringComparison.Ordinal);

    private static JsonObject Item(StorefrontCartItem item, string currency, int minorUnit, string root)
    {
        var id = item.Id.ToString(CultureInfo.InvariantCulture);
        var price = Minor(item.PriceMinor);
        var line = Minor(item.PriceMinor * item.Quantity);
        // raw_prices carry 6 decimals whatever the shop displays.
        var raw = (item.PriceMinor * (long)Math.Pow(10, 6 - minorUnit)).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            // WooCommerce's cart item key is an md5 (32 hex digits) of the product, variation and item data.
            ["key"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32],
            ["id"] = item.Id,
            ["type"] = "simple",
            ["quantity"] = item.Quantity,
            ["quantity_limits"] = new JsonObject { ["minimum"] = 1, ["maximum"] = 9999, ["multiple_of"] = 1, ["editable"] = true },
            ["name"] = StoreApiText(item.Name),
            ["short_description"] = "",
            ["description"] = "",
            ["sku"] = item.Sku ?? "",
            ["low_stock_remaining"] = null,
            ["backorders_allowed"] = false,
            ["show_backorder_badge"] = false,
            ["sold_individually"] = false,
            ["permalink"] = $"{root}/?post_type=product&p={id}",
            ["images"] = item.ImageUrl is null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["id"] = item.Id + 1000,
                ["src"] = item.ImageUrl,
                ["thumbnail"] = item.ImageUrl,
                ["srcset"] = "",
                ["sizes"] = "",
                ["name"] = Path.GetFileName(new Uri(item.ImageUrl).AbsolutePath),
                ["alt"] = "",
            }),
            ["variation"] = new JsonArray(),
            ["item_data"] = new JsonArray(),
            ["prices"] = Currency(currency, minorUnit, new JsonObject
            {
                ["price"] = price,
                ["regular_price"] = price,
                ["sale_price"] = price,
                ["price_range"] = null,
                ["raw_prices"] = new JsonObject { ["precision"] = 6, ["price"] = raw, ["regular_price"] = raw, ["sale_price"] = raw },
            }),
            ["totals"] = Currency(currency, minorUnit, new JsonObject
            {
                ["line_subtotal"] = line,
                ["line_subtotal_tax"] = "0",
                ["line_total"] = line,
                ["line_total_tax"] = "0",
            }),
            ["catalog_visibility"] = "visible",
            ["extensions"] = new JsonObject(),
        };
    }

    /// <summary>The currency fields the Store API puts in front of every group of amounts.</summary>
    private static JsonObject Currency(string code, int minorUnit, JsonObject amounts)
    {
        var symbol = code switch { "EUR" => "€", "USD" => "$", "GBP" => "£", "JPY" => "¥", _ => code };
        var currency = new JsonObject
        {
            ["currency_code"] = code,
            ["currency_symbol"] = symbol,
            ["currency_minor_unit"] = minorUnit,
            ["currency_decimal_separator"] = ".",
            ["currency_thousand_separator"] = ",",
            ["currency_prefix"] = symbol,
            ["currency_suffix"] = "",
        };
        foreach (var (name, value) in amounts.ToList())
        {
            amounts.Remove(name);
            currency[name] = value;
        }
        return currency;
    }

    private static JsonObject Address(bool billing = false)
    {
        var address = new JsonObject
        {
            ["first_name"] = "", ["last_name"] = "", ["company"] = "", ["address_1"] = "", ["address_2"] = "",
            ["city"] = "", ["state"] = "", ["postcode"] = "", ["country"] = "", ["phone"] = "",
        };
        if (billing)
            address["email"] = "";
        return address;
    }

    private static string Minor(long amount) => amount.ToString(CultureInfo.InvariantCulture);
}
