using System.Globalization;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>The WordPress index (<c>/wp-json/</c>, public), <c>/system_status</c> and <c>/settings/{group}</c>.</summary>
internal static class EmulatorShopInfo
{
    public static JsonObject Index(WooCommerceEmulatorOptions options, Uri home) => new()
    {
        // get_option('blogname'): WordPress keeps the site title HTML-escaped (sanitize_option runs esc_html on it).
        ["name"] = System.Net.WebUtility.HtmlEncode(options.StoreName),
        ["description"] = "Gear for the trail",
        ["url"] = Root(home),
        ["home"] = options.ReportedHomeUrl ?? Root(home),
        // get_option('gmt_offset') goes through wp_timezone_override_offset: a number when a zone is set.
        ["gmt_offset"] = decimal.TryParse(options.GmtOffset, NumberStyles.Number, CultureInfo.InvariantCulture, out var offset) ? offset : options.GmtOffset,
        ["timezone_string"] = options.TimezoneString,
        ["namespaces"] = new JsonArray("oembed/1.0", "wc/v3", "wc/store/v1", "wc-auth/v1", "wp/v2"),
        ["authentication"] = new JsonObject(),
        ["routes"] = new JsonObject(),
    };

    public static JsonObject SystemStatus(WooCommerceEmulatorOptions options, Uri home) => new()
    {
        ["environment"] = new JsonObject
        {
            ["home_url"] = options.ReportedHomeUrl ?? Root(home), ["site_url"] = Root(home), ["wc_version"] = options.WooCommerceVersion,
            ["wp_version"] = options.WordPressVersion, ["php_version"] = "8.3.14", ["default_timezone"] = "UTC",
        },
        ["database"] = new JsonObject { ["wc_database_version"] = options.WooCommerceVersion },
        ["active_plugins"] = new JsonArray(),
        ["settings"] = new JsonObject
        {
            ["api_enabled"] = true, ["force_ssl"] = false, ["currency"] = options.Currency, ["currency_symbol"] = "€",
            ["currency_position"] = "right_space", ["thousand_separator"] = ".", ["decimal_separator"] = ",", ["number_of_decimals"] = 2,
        },
    };

    /// <summary>A settings group, or null when WooCommerce has no such group.</summary>
    public static JsonArray? Settings(string group, WooCommerceEmulatorOptions options) => group switch
    {
        "general" => new JsonArray(
            Setting("woocommerce_store_address", "Address line 1", "12 rue des Lilas"),
            Setting("woocommerce_default_country", "Country / State", "FR"),
            Setting("woocommerce_currency", "Currency", options.Currency),
            Setting("woocommerce_price_num_decimals", "Number of decimals", "2")),
        "email" => new JsonArray(
            Setting("woocommerce_email_from_name", "\"From\" name", options.EmailFromName ?? ""),
            Setting("woocommerce_email_from_address", "\"From\" address", options.EmailFromAddress ?? "")),
        _ => null,
    };

    /// <summary>WordPress's top-level <c>_fields</c> filter.</summary>
    public static JsonObject Fields(JsonObject body, string? fields)
    {
        if (string.IsNullOrEmpty(fields))
            return body;
        var keep = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var filtered = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (keep.Contains(key))
                filtered[key] = value?.DeepClone();
        }
        return filtered;
    }

    private static JsonObject Setting(string id, string label, string value) => new()
    {
        ["id"] = id, ["label"] = label, ["description"] = "", ["type"] = "text", ["default"] = "", ["tip"] = "", ["value"] = value,
    };

    private static string Root(Uri home) => home.AbsoluteUri.TrimEnd('/');
}
