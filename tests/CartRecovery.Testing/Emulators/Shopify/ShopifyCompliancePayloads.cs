using System.Text.Json.Nodes;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Bodies of the mandatory compliance webhooks (shopify.dev .../compliance/privacy-law-compliance) and of
/// app/uninstalled, whose body is the REST Shop resource.
/// </summary>
internal sealed class ShopifyCompliancePayloads(ShopifyEmulatorState state)
{
    private ShopifyEmulatorOptions Options => state.Options;

    public JsonObject CustomersRedact(long customerId, string? email, string? phone, IEnumerable<long> ordersToRedact) => new()
    {
        ["shop_id"] = Options.ShopId,
        ["shop_domain"] = Options.ShopDomain,
        ["customer"] = Customer(customerId, email, phone),
        ["orders_to_redact"] = Numbers(ordersToRedact),
    };

    public JsonObject CustomersDataRequest(long customerId, string? email, string? phone, IEnumerable<long> ordersRequested, long dataRequestId) => new()
    {
        ["shop_id"] = Options.ShopId,
        ["shop_domain"] = Options.ShopDomain,
        ["orders_requested"] = Numbers(ordersRequested),
        ["customer"] = Customer(customerId, email, phone),
        ["data_request"] = new JsonObject { ["id"] = dataRequestId },
    };

    public JsonObject ShopRedact() => new()
    {
        ["shop_id"] = Options.ShopId,
        ["shop_domain"] = Options.ShopDomain,
    };

    public JsonObject AppUninstalled()
    {
        var created = state.Now.AddDays(-400);
        return new JsonObject
        {
            ["id"] = Options.ShopId,
            ["name"] = Options.ShopName,
            ["email"] = Options.ShopEmail,
            ["domain"] = Options.PrimaryDomainUrl.Host,
            ["province"] = null,
            ["country"] = "FR",
            ["address1"] = "1 Rue de la Paix",
            ["zip"] = "75002",
            ["city"] = "Paris",
            ["source"] = null,
            ["phone"] = null,
            ["latitude"] = null,
            ["longitude"] = null,
            ["primary_locale"] = "en",
            ["address2"] = null,
            ["created_at"] = RestTime(created, Options.IanaTimezone),
            ["updated_at"] = RestTime(state.Now, Options.IanaTimezone),
            ["country_code"] = "FR",
            ["country_name"] = "France",
            ["currency"] = Options.Currency,
            ["customer_email"] = Options.ShopEmail,
            ["timezone"] = $"(GMT+01:00) {Options.IanaTimezone}",
            ["iana_timezone"] = Options.IanaTimezone,
            ["shop_owner"] = "Shop Owner",
            ["money_format"] = "€{{amount_with_comma_separator}}",
            ["money_with_currency_format"] = "€{{amount_with_comma_separator}} EUR",
            ["weight_unit"] = "kg",
            ["province_code"] = null,
            ["taxes_included"] = true,
            ["tax_shipping"] = null,
            ["county_taxes"] = true,
            ["plan_display_name"] = "Basic",
            ["plan_name"] = "basic",
            ["has_discounts"] = true,
            ["has_gift_cards"] = false,
            ["myshopify_domain"] = Options.ShopDomain,
            ["google_apps_domain"] = null,
            ["google_apps_login_enabled"] = null,
            ["eligible_for_payments"] = true,
            ["requires_extra_payments_agreement"] = false,
            ["password_enabled"] = false,
            ["has_storefront"] = true,
            ["setup_required"] = false,
            ["pre_launch_enabled"] = false,
            ["enabled_presentment_currencies"] = new JsonArray(Options.Currency),
            ["admin_graphql_api_id"] = Gid("Shop", Options.ShopId),
        };
    }

    private static JsonObject Customer(long id, string? email, string? phone) => new()
    {
        ["id"] = id,
        ["email"] = email,
        ["phone"] = phone,
    };

    private static JsonArray Numbers(IEnumerable<long> values) => new([.. values.Select(v => (JsonNode)v)]);
}
