using System.Globalization;
using System.Text.Json.Nodes;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>GraphQL objects for what the app creates: webhook subscriptions and code discounts.</summary>
internal sealed class ShopifyGraphQlAppObjects(ShopifyEmulatorState state)
{
    public static JsonObject Subscription(ShopifyEmulatorWebhookSubscription subscription) => new()
    {
        ["__typename"] = "WebhookSubscription",
        ["id"] = subscription.Id,
        ["topic"] = subscription.Topic,
        ["uri"] = subscription.Uri.ToString(),
        ["callbackUrl"] = subscription.Uri.ToString(),
        ["format"] = subscription.Format,
        ["includeFields"] = new JsonArray([.. subscription.IncludeFields.Select(f => (JsonNode)f)]),
        ["filter"] = null,
        ["createdAt"] = GraphQlTime(subscription.CreatedAt),
        ["updatedAt"] = GraphQlTime(subscription.CreatedAt),
        ["endpoint"] = new JsonObject { ["__typename"] = "WebhookHttpEndpoint", ["callbackUrl"] = subscription.Uri.ToString() },
    };

    public JsonObject DiscountNode(ShopifyEmulatorDiscount discount)
    {
        var number = GidNumber(discount.Id) ?? 0;
        var now = state.Now;
        var status = now < discount.StartsAt ? "SCHEDULED" : discount.EndsAt <= now ? "EXPIRED" : "ACTIVE";
        var code = new JsonObject
        {
            ["__typename"] = "DiscountRedeemCode",
            ["id"] = Gid("DiscountRedeemCode", number),
            ["code"] = discount.Code,
            ["asyncUsageCount"] = 0,
        };
        return new JsonObject
        {
            ["__typename"] = "DiscountCodeNode",
            ["id"] = discount.Id,
            ["codeDiscount"] = new JsonObject
            {
                ["__typename"] = discount.Kind,
                ["title"] = discount.Title,
                ["status"] = status,
                ["summary"] = Summary(discount),
                ["startsAt"] = GraphQlTime(discount.StartsAt),
                ["endsAt"] = GraphQlTime(discount.EndsAt),
                ["usageLimit"] = discount.UsageLimit,
                ["appliesOncePerCustomer"] = discount.AppliesOncePerCustomer,
                ["asyncUsageCount"] = 0,
                ["createdAt"] = GraphQlTime(discount.CreatedAt),
                ["updatedAt"] = GraphQlTime(discount.CreatedAt),
                ["codes"] = ShopifyConnections.All("DiscountRedeemCode", [code]),
            },
        };
    }

    private string Summary(ShopifyEmulatorDiscount discount)
    {
        var value = discount.Kind == "DiscountCodeFreeShipping" ? "Free shipping on all products"
            : discount.Percentage is { } percentage ? string.Create(CultureInfo.InvariantCulture, $"{percentage * 100:0.##}% off entire order")
            : $"{RestMoney(discount.Amount ?? 0)} {state.Options.Currency} off entire order";
        return discount.AppliesOncePerCustomer ? $"{value} • One use per customer" : value;
    }
}
