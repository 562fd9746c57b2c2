using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Carts;
using static CartRecovery.Connectors.Shopify.Checkouts.ShopifyJson;

namespace CartRecovery.Connectors.Shopify.Checkouts;

/// <summary>
/// Turns Shopify checkouts into Core snapshots: the REST-shaped webhook payload (checkouts/create|update) and the GraphQL
/// <c>AbandonedCheckout</c> node the poller reads.
/// <para>
/// Keying. A checkout has three identifiers and no source carries all of them: webhooks carry <c>token</c> and
/// <c>cart_token</c> and, in some API versions, the numeric <c>id</c>; GraphQL exposes only the gid (whose numeric tail
/// is that same <c>id</c>) and the recovery URL; deletes carry <c>id</c> and <c>cart_token</c>; orders carry
/// <c>checkout_token</c> (the checkout's <c>token</c>) and <c>cart_token</c>. So the external id is the numeric checkout id
/// whenever the payload has it, the one key both shapes share, and the checkout token otherwise (a webhook without id).
/// Every identifier present also goes into <see cref="CartSnapshot.PlatformRefs"/> (plus the token in the recovery URL),
/// so that deletes and orders find the cart by whichever one they carry, and <see cref="ShopifyCartReporter"/> files a
/// snapshot under the key its cart already has when one of its refs is known.
/// </para>
/// </summary>
internal static class ShopifyCheckoutMapper
{
    private const string UntitledLine = "Item";

    /// <summary>
    /// Maps a checkout webhook payload. Its money strings are in the presentment currency (the currency the customer
    /// saw, per the REST checkout resource), so the snapshot's amounts are labelled with that currency; when it differs
    /// from the shop's currency the snapshot also says so through <see cref="CartSnapshot.PresentmentCurrency"/>.
    /// </summary>
    /// <exception cref="FormatException">The payload has no identifier, currency or creation time.</exception>
    public static CartSnapshot FromWebhook(long storeId, JsonElement checkout)
    {
        if (checkout.ValueKind != JsonValueKind.Object)
            throw new FormatException("A checkout payload must be a JSON object.");
        var id = Id(checkout, "id");
        var token = Text(checkout, "token");
        var cartToken = Text(checkout, "cart_token");
        var externalId = id ?? token ?? cartToken ?? throw new FormatException("The checkout has no id, token or cart_token.");

        var shopCurrency = Text(checkout, "currency") ?? Text(checkout, "presentment_currency")
            ?? throw new FormatException("The checkout has no currency.");
        var currency = Text(checkout, "presentment_currency") ?? shopCurrency;
        var foreign = !string.Equals(currency, shopCurrency, StringComparison.OrdinalIgnoreCase);

        var customer = Child(checkout, "customer");
        var billing = Child(checkout, "billing_address");
        var shipping = Child(checkout, "shipping_address");
        var contact = new CartContact(
            Email: Text(checkout, "email") ?? Text(customer, "email"),
            // The number the buyer gave for SMS marketing is the one their SMS consent is about.
            Phone: Text(checkout, "sms_marketing_phone") ?? Text(checkout, "phone") ?? Text(customer, "phone") ?? Text(shipping, "phone") ?? Text(billing, "phone"),
            FirstName: Text(customer, "first_name") ?? Text(billing, "first_name") ?? Text(shipping, "first_name"),
            LastName: Text(customer, "last_name") ?? Text(billing, "last_name") ?? Text(shipping, "last_name"),
            Locale: Text(checkout, "customer_locale"),
            AcceptsMarketing: Bool(checkout, "buyer_accepts_marketing"),
            Country: CartContact.CountryCode(Text(shipping, "country_code"), Text(billing, "country_code")),
            AcceptsSms: Bool(checkout, "buyer_accepts_sms_marketing"));

        var lines = Array(checkout, "line_items").Select(line => new CartLine(
            Title: Text(line, "title") ?? Text(line, "presentment_title") ?? UntitledLine,
            Quantity: Int(line, "quantity", 1),
            UnitPriceMinor: Money(line, "price", currency) ?? 0,
            ProductId: Id(line, "product_id"),
            VariantId: Id(line, "variant_id"),
            Sku: Text(line, "sku"),
            VariantTitle: Text(line, "variant_title") ?? Text(line, "presentment_variant_title"))).ToList();

        var subtotal = Money(checkout, "subtotal_price", currency) ?? lines.Sum(l => l.LineTotalMinor);
        var total = Money(checkout, "total_price", currency) ?? subtotal;
        var createdAt = Time(checkout, "created_at") ?? throw new FormatException("The checkout has no created_at.");
        var restoreUrl = Text(checkout, "abandoned_checkout_url");

        return new CartSnapshot(storeId, externalId, contact, lines, currency, subtotal, total, restoreUrl, createdAt,
            Time(checkout, "updated_at") ?? createdAt)
        {
            PlatformRefs = ShopifyCheckoutRefs.Build(id, token, cartToken, restoreUrl),
            PresentmentCurrency = foreign ? currency : null,
            PresentmentTotalMinor = foreign ? total : null,
        };
    }

    /// <summary>
    /// Maps an <c>AbandonedCheckout</c> node. Amounts come from <c>shopMoney</c> (the shop's currency); the presentment
    /// total is kept when the customer saw another currency.
    /// </summary>
    /// <exception cref="FormatException">The node has no usable id, total or creation time.</exception>
    public static CartSnapshot FromGraphQl(long storeId, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
            throw new FormatException("An abandoned checkout node must be a JSON object.");
        var gid = Text(node, "id");
        var id = ShopifyGid.NumericId(gid) ?? throw new FormatException("The abandoned checkout has no gid://shopify/AbandonedCheckout id.");

        var totalShop = Path(node, "totalPriceSet", "shopMoney");
        var currency = Text(totalShop, "currencyCode") ?? throw new FormatException("The abandoned checkout has no total currency.");
        var totalPresentment = Path(node, "totalPriceSet", "presentmentMoney");
        var presentmentCurrency = Text(totalPresentment, "currencyCode");
        var foreign = presentmentCurrency is not null && !string.Equals(presentmentCurrency, currency, StringComparison.OrdinalIgnoreCase);

        var customer = Child(node, "customer");
        var emailAddress = Child(customer, "defaultEmailAddress");
        var phoneNumber = Child(customer, "defaultPhoneNumber");
        var shipping = Child(node, "shippingAddress");
        var billing = Child(node, "billingAddress");
        var contact = new CartContact(
            Email: Text(emailAddress, "emailAddress") ?? Text(customer, "email"),
            Phone: Text(phoneNumber, "phoneNumber") ?? Text(customer, "phone") ?? Text(shipping, "phone") ?? Text(billing, "phone"),
            FirstName: Text(customer, "firstName") ?? Text(billing, "firstName") ?? Text(shipping, "firstName"),
            LastName: Text(customer, "lastName") ?? Text(billing, "lastName") ?? Text(shipping, "lastName"),
            Locale: Text(customer, "locale"),
            AcceptsMarketing: Consent(Text(emailAddress, "marketingState") ?? Text(Child(customer, "emailMarketingConsent"), "marketingState")),
            Country: CartContact.CountryCode(Text(shipping, "countryCodeV2"), Text(billing, "countryCodeV2")),
            // CustomerPhoneNumber.marketingState: SMS consent, apart from the email's (PENDING or REDACTED is no).
            AcceptsSms: Consent(Text(phoneNumber, "marketingState")));

        var lines = Nodes(Child(node, "lineItems")).Select(line => new CartLine(
            Title: Text(line, "title") ?? UntitledLine,
            Quantity: Int(line, "quantity", 1),
            UnitPriceMinor: Money(Path(line, "originalUnitPriceSet", "shopMoney"), "amount", currency) ?? 0,
            ProductId: ShopifyGid.NumericId(Text(Child(line, "product"), "id")),
            VariantId: ShopifyGid.NumericId(Text(Child(line, "variant"), "id")),
            Sku: Text(line, "sku"),
            VariantTitle: Text(line, "variantTitle"),
            ImageUrl: Text(Child(line, "image"), "url")
                ?? Text(Path(line, "variant", "image"), "url")
                ?? Text(Path(line, "product", "featuredMedia", "preview", "image"), "url"),
            ProductUrl: Text(Child(line, "product"), "onlineStoreUrl"))).ToList();

        var total = Money(totalShop, "amount", currency) ?? lines.Sum(l => l.LineTotalMinor);
        var subtotal = Money(Path(node, "subtotalPriceSet", "shopMoney"), "amount", currency) ?? total;
        var createdAt = Time(node, "createdAt") ?? throw new FormatException("The abandoned checkout has no createdAt.");
        var restoreUrl = Text(node, "abandonedCheckoutUrl");

        return new CartSnapshot(storeId, id, contact, lines, currency, subtotal, total, restoreUrl, createdAt, Time(node, "updatedAt") ?? createdAt)
        {
            PlatformRefs = ShopifyCheckoutRefs.Build(id, null, null, restoreUrl, gid),
            PresentmentCurrency = foreign ? presentmentCurrency : null,
            PresentmentTotalMinor = foreign ? Money(totalPresentment, "amount", presentmentCurrency!) : null,
        };
    }

    /// <summary>
    /// Email marketing consent (<c>CustomerEmailMarketingState</c>): only SUBSCRIBED is consent. PENDING (not yet
    /// confirmed), UNSUBSCRIBED, NOT_SUBSCRIBED, REDACTED and INVALID are not; no state at all is unknown.
    /// </summary>
    internal static bool? Consent(string? marketingState) => marketingState switch
    {
        null => null,
        "SUBSCRIBED" => true,
        _ => false,
    };
}
