using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify.GraphQl;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Webhook bodies in the REST resource shape (shopify.dev/docs/api/webhooks, topics checkouts/create|update|delete,
/// orders/create): snake_case keys, ids as JSON numbers, money as strings with two decimals, times with the shop's
/// offset. Line items carry no image, as in Shopify's payload. Compliance and app/uninstalled bodies are in
/// <see cref="ShopifyCompliancePayloads"/>.
/// </summary>
internal sealed class ShopifyPayloads(ShopifyEmulatorState state, ShopifyGraphQlObjects objects)
{
    private string Zone => state.Options.IanaTimezone;

    /// <summary>checkouts/create and checkouts/update. The 2026-07 samples carry no top-level id; older ones do.</summary>
    public JsonObject Checkout(ShopifyEmulatorCheckout checkout, bool includeId)
    {
        var body = new JsonObject();
        if (includeId)
        {
            body["id"] = checkout.Id;
        }

        body["token"] = checkout.Token;
        body["cart_token"] = checkout.CartToken;
        body["email"] = checkout.Email;
        body["gateway"] = null;
        body["buyer_accepts_marketing"] = checkout.AcceptsMarketing;
        body["buyer_accepts_sms_marketing"] = checkout.AcceptsSms;
        body["sms_marketing_phone"] = checkout.AcceptsSms ? checkout.Phone : null;
        body["created_at"] = RestTime(checkout.CreatedAt, Zone);
        body["updated_at"] = RestTime(checkout.UpdatedAt, Zone);
        body["completed_at"] = RestTime(checkout.CompletedAt, Zone);
        body["closed_at"] = null;
        body["landing_site"] = null;
        body["referring_site"] = null;
        body["note"] = null;
        body["note_attributes"] = new JsonArray();
        body["taxes_included"] = checkout.TaxesIncluded;
        body["total_weight"] = 0;
        body["currency"] = checkout.Currency;
        body["presentment_currency"] = checkout.PresentmentCurrency;
        body["customer_locale"] = checkout.Locale;
        body["phone"] = checkout.Phone;
        body["name"] = checkout.Name;
        body["source_name"] = "web";
        body["abandoned_checkout_url"] = objects.RecoveryUrl(checkout, graphQlShape: false);
        body["line_items"] = new JsonArray([.. checkout.Lines.Select(line => (JsonNode)LineItem(line))]);
        body["discount_codes"] = new JsonArray([.. checkout.DiscountCodes.Select(code => (JsonNode)new JsonObject
        {
            ["code"] = code,
            ["amount"] = "0.00",
            ["type"] = "percentage",
        })]);
        body["shipping_lines"] = new JsonArray();
        body["tax_lines"] = new JsonArray();
        AddTotals(body, checkout);
        body["billing_address"] = Address(checkout);
        body["shipping_address"] = Address(checkout);
        if (Customer(checkout) is { } customer)
        {
            body["customer"] = customer;
        }

        return body;
    }

    /// <summary>checkouts/delete: only the id, cart token and totals (fact sheet, REST webhook reference).</summary>
    public static JsonObject CheckoutDeleted(ShopifyEmulatorCheckout checkout)
    {
        var body = new JsonObject
        {
            ["id"] = checkout.Id,
            ["cart_token"] = checkout.CartToken,
            ["presentment_currency"] = checkout.PresentmentCurrency,
            ["buyer_accepts_sms_marketing"] = false,
            ["sms_marketing_phone"] = null,
        };
        AddTotals(body, checkout);
        return body;
    }

    /// <summary>orders/create: links to the checkout through checkout_token and cart_token; no checkout_id (2026-07 sample).</summary>
    public JsonObject Order(ShopifyEmulatorCheckout checkout, long orderId, decimal total, string? discountCode, DateTimeOffset createdAt)
    {
        var number = 1000 + (orderId % 9000);
        var body = new JsonObject
        {
            ["id"] = orderId,
            ["admin_graphql_api_id"] = Gid("Order", orderId),
            ["name"] = $"#{number}",
            ["order_number"] = number,
            ["email"] = checkout.Email,
            ["contact_email"] = checkout.Email,
            ["phone"] = checkout.Phone,
            ["checkout_token"] = checkout.Token,
            ["cart_token"] = checkout.CartToken,
            ["token"] = ShopifyEmulatorState.Hex($"order:{orderId}"),
            ["buyer_accepts_marketing"] = checkout.AcceptsMarketing,
            ["customer_locale"] = checkout.Locale,
            ["created_at"] = RestTime(createdAt, Zone),
            ["updated_at"] = RestTime(createdAt, Zone),
            ["processed_at"] = RestTime(createdAt, Zone),
            ["currency"] = checkout.Currency,
            ["presentment_currency"] = checkout.PresentmentCurrency,
            ["financial_status"] = "paid",
            ["source_name"] = "web",
            ["landing_site"] = null,
            ["total_price"] = RestMoney(total),
            ["subtotal_price"] = RestMoney(total),
            ["total_tax"] = RestMoney(checkout.TotalTax),
            ["total_discounts"] = RestMoney(Math.Max(0, checkout.Total - total)),
            ["discount_codes"] = discountCode is null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["code"] = discountCode,
                ["amount"] = RestMoney(Math.Max(0, checkout.Total - total)),
                ["type"] = "percentage",
            }),
            ["line_items"] = new JsonArray([.. checkout.Lines.Select(line => (JsonNode)LineItem(line))]),
            ["billing_address"] = Address(checkout),
        };
        if (Customer(checkout) is { } customer)
        {
            body["customer"] = customer;
        }

        return body;
    }

    public JsonObject? Customer(ShopifyEmulatorCheckout checkout)
    {
        if (checkout.CustomerId is not { } id)
        {
            return null;
        }

        var subscribed = checkout.EmailMarketingState is null ? checkout.AcceptsMarketing : checkout.EmailMarketingState == "SUBSCRIBED";
        return new JsonObject
        {
            ["id"] = id,
            ["email"] = checkout.Email,
            ["created_at"] = RestTime(checkout.CreatedAt, Zone),
            ["updated_at"] = RestTime(checkout.UpdatedAt, Zone),
            ["first_name"] = checkout.FirstName,
            ["last_name"] = checkout.LastName,
            ["state"] = "disabled",
            ["note"] = null,
            ["verified_email"] = checkout.Email is not null,
            ["multipass_identifier"] = null,
            ["tax_exempt"] = false,
            ["phone"] = checkout.Phone,
            ["currency"] = checkout.Currency,
            ["tags"] = "",
            ["email_marketing_consent"] = checkout.Email is null ? null : new JsonObject
            {
                ["state"] = (checkout.EmailMarketingState ?? (subscribed ? "SUBSCRIBED" : "NOT_SUBSCRIBED")).ToLowerInvariant(),
                ["opt_in_level"] = subscribed ? "single_opt_in" : null,
                ["consent_updated_at"] = subscribed ? RestTime(checkout.UpdatedAt, Zone) : null,
            },
            ["admin_graphql_api_id"] = Gid("Customer", id),
            ["default_address"] = Address(checkout),
        };
    }

    private static JsonObject LineItem(ShopifyEmulatorLine line) => new()
    {
        ["key"] = ShopifyEmulatorState.Hex($"line:{line.VariantId}"),
        ["product_id"] = line.ProductId,
        ["variant_id"] = line.VariantId,
        ["title"] = line.Title,
        ["variant_title"] = line.VariantTitle,
        ["presentment_title"] = line.Title,
        ["presentment_variant_title"] = line.VariantTitle,
        ["quantity"] = line.Quantity,
        ["price"] = RestMoney(line.UnitPriceValue),
        ["line_price"] = RestMoney(line.LinePriceValue),
        ["variant_price"] = RestMoney(line.UnitPriceValue),
        ["compare_at_price"] = null,
        ["sku"] = line.Sku,
        ["vendor"] = null,
        ["grams"] = 0,
        ["requires_shipping"] = true,
        ["taxable"] = true,
        ["gift_card"] = false,
        ["fulfillment_service"] = "manual",
        ["properties"] = new JsonObject(),
        ["applied_discounts"] = new JsonArray(),
        ["discount_allocations"] = new JsonArray(),
        ["tax_lines"] = new JsonArray(),
    };

    private static JsonObject Address(ShopifyEmulatorCheckout checkout) => new()
    {
        ["first_name"] = checkout.FirstName,
        ["last_name"] = checkout.LastName,
        ["name"] = string.Join(' ', new[] { checkout.FirstName, checkout.LastName }.Where(n => n is not null)),
        ["address1"] = "1 Rue de la Paix",
        ["address2"] = null,
        ["city"] = "Paris",
        ["zip"] = "75002",
        ["province"] = null,
        ["province_code"] = null,
        ["country"] = checkout.CountryCode,
        ["country_code"] = checkout.CountryCode,
        ["company"] = null,
        ["phone"] = checkout.Phone,
        ["latitude"] = null,
        ["longitude"] = null,
    };

    private static void AddTotals(JsonObject body, ShopifyEmulatorCheckout checkout)
    {
        body["total_discounts"] = "0.00";
        body["total_line_items_price"] = RestMoney(checkout.Subtotal);
        body["subtotal_price"] = RestMoney(checkout.Subtotal);
        body["total_tax"] = RestMoney(checkout.TotalTax);
        body["total_duties"] = null;
        body["total_price"] = RestMoney(checkout.Total);
    }
}
