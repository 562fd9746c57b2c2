using System.Text.Json.Nodes;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// Complete GraphQL objects (every field of ShopifyGraphQlSchema, plus <c>__typename</c>) built from the shop's
/// data; the projector then keeps what the query selected. Field meanings follow the admin-graphql object pages.
/// </summary>
internal sealed class ShopifyGraphQlObjects(ShopifyEmulatorState state)
{
    private ShopifyEmulatorOptions Options => state.Options;

    public JsonObject Shop() => new()
    {
        ["__typename"] = "Shop",
        ["id"] = Gid("Shop", Options.ShopId),
        ["name"] = Options.ShopName,
        ["email"] = Options.ShopEmail,
        ["contactEmail"] = Options.ShopEmail,
        ["currencyCode"] = Options.Currency,
        ["ianaTimezone"] = Options.IanaTimezone,
        ["myshopifyDomain"] = Options.ShopDomain,
        ["url"] = Options.PrimaryDomainUrl.GetLeftPart(UriPartial.Authority),
        ["primaryDomain"] = new JsonObject
        {
            ["__typename"] = "Domain",
            ["id"] = Gid("Domain", 1),
            ["host"] = Options.PrimaryDomainUrl.Host,
            ["url"] = Options.PrimaryDomainUrl.GetLeftPart(UriPartial.Authority),
            ["sslEnabled"] = Options.PrimaryDomainUrl.Scheme == Uri.UriSchemeHttps,
        },
    };

    public JsonObject Checkout(ShopifyEmulatorCheckout checkout)
    {
        var lines = checkout.Lines.Select((line, index) => LineItem(checkout, line, index)).ToList();
        var zero = MoneyBag(checkout, 0m);
        return new JsonObject
        {
            ["__typename"] = "AbandonedCheckout",
            ["id"] = Gid("AbandonedCheckout", checkout.Id),
            ["name"] = checkout.Name,
            ["abandonedCheckoutUrl"] = RecoveryUrl(checkout, graphQlShape: true),
            ["createdAt"] = GraphQlTime(checkout.CreatedAt),
            ["updatedAt"] = GraphQlTime(checkout.UpdatedAt),
            ["completedAt"] = GraphQlTime(checkout.CompletedAt),
            ["customer"] = Customer(checkout),
            ["billingAddress"] = Address(checkout),
            ["shippingAddress"] = Address(checkout),
            ["lineItems"] = ShopifyConnections.All("AbandonedCheckoutLineItem", lines),
            ["discountCodes"] = new JsonArray([.. checkout.DiscountCodes.Select(c => (JsonNode)c)]),
            ["taxesIncluded"] = checkout.TaxesIncluded,
            ["note"] = "",
            ["customAttributes"] = new JsonArray(),
            ["defaultCursor"] = ShopifyConnections.Cursor(new JsonObject { ["last_id"] = checkout.Id }),
            ["lineItemsQuantity"] = checkout.Lines.Sum(l => l.Quantity),
            ["taxLines"] = new JsonArray(),
            ["subtotalPriceSet"] = MoneyBag(checkout, checkout.Subtotal),
            ["totalPriceSet"] = MoneyBag(checkout, checkout.Total),
            ["totalLineItemsPriceSet"] = MoneyBag(checkout, checkout.Subtotal),
            ["totalDiscountSet"] = zero,
            ["totalTaxSet"] = MoneyBag(checkout, checkout.TotalTax),
            ["totalDutiesSet"] = null,
        };
    }

    /// <summary>
    /// Recovery link. Shapes from Shopify's samples: GraphQL https://{domain}/{shop_id}/checkouts/ac/{cart_token}/recover?key=..&amp;locale=..,
    /// REST webhooks https://{domain}/{shop_id}/checkouts/{token}/recover?key=...
    /// </summary>
    public string RecoveryUrl(ShopifyEmulatorCheckout checkout, bool graphQlShape)
    {
        var key = ShopifyEmulatorState.Hex($"key:{checkout.Id}");
        return graphQlShape
            ? $"https://{Options.ShopDomain}/{Options.ShopId}/checkouts/ac/{checkout.CartToken}/recover?key={key}&locale={checkout.Locale}"
            : $"https://{Options.ShopDomain}/{Options.ShopId}/checkouts/{checkout.Token}/recover?key={key}";
    }

    public static JsonObject? Customer(ShopifyEmulatorCheckout checkout)
    {
        if (checkout.CustomerId is not { } customerId)
        {
            return null;
        }

        var marketingState = checkout.EmailMarketingState ?? (checkout.AcceptsMarketing ? "SUBSCRIBED" : "NOT_SUBSCRIBED");
        var optIn = marketingState == "SUBSCRIBED" ? "SINGLE_OPT_IN" : null;
        var consentAt = marketingState == "NOT_SUBSCRIBED" ? null : GraphQlTime(checkout.UpdatedAt);
        return new JsonObject
        {
            ["__typename"] = "Customer",
            ["id"] = Gid("Customer", customerId),
            ["email"] = checkout.Email,
            ["firstName"] = checkout.FirstName,
            ["lastName"] = checkout.LastName,
            ["displayName"] = string.Join(' ', new[] { checkout.FirstName, checkout.LastName }.Where(n => n is not null)) is { Length: > 0 } name
                ? name
                : checkout.Email ?? checkout.Phone,
            ["phone"] = checkout.Phone,
            ["locale"] = checkout.Locale,
            ["state"] = "DISABLED",
            ["verifiedEmail"] = checkout.Email is not null,
            ["tags"] = new JsonArray(),
            ["note"] = null,
            ["createdAt"] = GraphQlTime(checkout.CreatedAt),
            ["updatedAt"] = GraphQlTime(checkout.UpdatedAt),
            ["emailMarketingConsent"] = checkout.Email is null ? null : new JsonObject
            {
                ["__typename"] = "CustomerEmailMarketingConsentState",
                ["marketingState"] = marketingState,
                ["marketingOptInLevel"] = optIn,
                ["consentUpdatedAt"] = consentAt,
            },
            ["defaultEmailAddress"] = checkout.Email is null ? null : new JsonObject
            {
                ["__typename"] = "CustomerEmailAddress",
                ["emailAddress"] = checkout.Email,
                ["marketingState"] = marketingState,
                ["marketingOptInLevel"] = optIn,
                ["marketingUpdatedAt"] = consentAt,
            },
            ["defaultPhoneNumber"] = checkout.Phone is null ? null : new JsonObject
            {
                ["__typename"] = "CustomerPhoneNumber",
                ["phoneNumber"] = checkout.Phone,
                ["marketingState"] = checkout.AcceptsSms ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
            },
        };
    }

    public JsonObject? Variant(ShopifyEmulatorLine line) => new()
    {
        ["__typename"] = "ProductVariant",
        ["id"] = Gid("ProductVariant", line.VariantId),
        ["title"] = line.VariantTitle ?? "Default Title",
        ["displayName"] = line.VariantTitle is null ? line.Title : $"{line.Title} - {line.VariantTitle}",
        ["sku"] = line.Sku,
        ["price"] = GraphQlMoney(line.UnitPriceValue),
        ["image"] = Image(line.ImageUrl),
        ["product"] = Product(line),
    };

    public JsonObject Product(ShopifyEmulatorLine line)
    {
        var imageUrl = line.ProductImageUrl ?? line.ImageUrl;
        var handle = string.Join('-', line.Title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new JsonObject
        {
            ["__typename"] = "Product",
            ["id"] = Gid("Product", line.ProductId),
            ["title"] = line.Title,
            ["handle"] = handle,
            ["onlineStoreUrl"] = $"{Options.PrimaryDomainUrl.GetLeftPart(UriPartial.Authority)}/products/{handle}",
            ["featuredImage"] = Image(imageUrl),
            ["featuredMedia"] = imageUrl is null ? null : new JsonObject
            {
                ["__typename"] = "MediaImage",
                ["id"] = Gid("MediaImage", line.ProductId),
                ["alt"] = line.Title,
                ["mediaContentType"] = "IMAGE",
                ["preview"] = new JsonObject { ["__typename"] = "MediaPreviewImage", ["image"] = Image(imageUrl), ["status"] = "READY" },
                ["image"] = Image(imageUrl),
            },
        };
    }

    private JsonObject LineItem(ShopifyEmulatorCheckout checkout, ShopifyEmulatorLine line, int index)
    {
        var unit = MoneyBag(checkout, line.UnitPriceValue);
        var total = MoneyBag(checkout, line.LinePriceValue);
        return new JsonObject
        {
            ["__typename"] = "AbandonedCheckoutLineItem",
            ["id"] = Gid("AbandonedCheckoutLineItem", (checkout.Id * 1000) + index + 1),
            ["title"] = line.Title,
            ["variantTitle"] = line.VariantTitle,
            ["sku"] = line.Sku,
            ["quantity"] = line.Quantity,
            ["variant"] = Variant(line),
            ["product"] = Product(line),
            ["image"] = Image(line.ImageUrl ?? line.ProductImageUrl),
            ["customAttributes"] = new JsonArray(),
            ["originalUnitPriceSet"] = unit,
            ["originalTotalPriceSet"] = total,
            ["discountedUnitPriceSet"] = unit.DeepClone(),
            ["discountedTotalPriceSet"] = total.DeepClone(),
            ["discountedUnitPriceWithCodeDiscount"] = unit.DeepClone(),
            ["discountedTotalPriceWithCodeDiscount"] = total.DeepClone(),
        };
    }

    private static JsonObject Address(ShopifyEmulatorCheckout checkout) => new()
    {
        ["__typename"] = "MailingAddress",
        ["id"] = Gid("MailingAddress", checkout.Id),
        ["firstName"] = checkout.FirstName,
        ["lastName"] = checkout.LastName,
        ["name"] = string.Join(' ', new[] { checkout.FirstName, checkout.LastName }.Where(n => n is not null)),
        ["company"] = null,
        ["address1"] = "1 Rue de la Paix",
        ["address2"] = null,
        ["city"] = "Paris",
        ["province"] = null,
        ["provinceCode"] = null,
        ["zip"] = "75002",
        ["country"] = checkout.CountryCode,
        ["countryCodeV2"] = checkout.CountryCode,
        ["phone"] = checkout.Phone,
    };

    private static JsonObject? Image(string? url) => url is null ? null : new JsonObject
    {
        ["__typename"] = "Image",
        ["id"] = null,
        ["url"] = url,
        ["altText"] = null,
        ["width"] = 1024,
        ["height"] = 1024,
    };

    private static JsonObject MoneyBag(ShopifyEmulatorCheckout checkout, decimal amount) => new()
    {
        ["__typename"] = "MoneyBag",
        ["shopMoney"] = new JsonObject { ["__typename"] = "MoneyV2", ["amount"] = GraphQlMoney(amount), ["currencyCode"] = checkout.Currency },
        ["presentmentMoney"] = new JsonObject
        {
            ["__typename"] = "MoneyV2",
            ["amount"] = GraphQlMoney(amount * checkout.PresentmentRate),
            ["currencyCode"] = checkout.PresentmentCurrency,
        },
    };
}
