namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Webhook topics as the GraphQL enum (WebhookSubscriptionTopic, e.g. CHECKOUTS_CREATE) and as the delivery header
/// X-Shopify-Topic (e.g. checkouts/create), per shopify.dev/docs/api/webhooks. Compliance topics
/// (customers/data_request, customers/redact, shop/redact) are not in the enum: apps subscribe to them in the app
/// configuration, not through webhookSubscriptionCreate.
/// </summary>
public static class ShopifyWebhookTopics
{
    private static readonly Dictionary<string, string> HeaderByEnum = new(StringComparer.Ordinal)
    {
        ["APP_UNINSTALLED"] = "app/uninstalled",
        ["APP_SCOPES_UPDATE"] = "app/scopes_update",
        ["APP_SUBSCRIPTIONS_UPDATE"] = "app_subscriptions/update",
        ["CHECKOUTS_CREATE"] = "checkouts/create",
        ["CHECKOUTS_UPDATE"] = "checkouts/update",
        ["CHECKOUTS_DELETE"] = "checkouts/delete",
        ["ORDERS_CREATE"] = "orders/create",
        ["ORDERS_PAID"] = "orders/paid",
        ["ORDERS_UPDATED"] = "orders/updated",
        ["ORDERS_CANCELLED"] = "orders/cancelled",
        ["CUSTOMERS_CREATE"] = "customers/create",
        ["CUSTOMERS_UPDATE"] = "customers/update",
        ["CUSTOMERS_DELETE"] = "customers/delete",
        ["CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE"] = "customers_email_marketing_consent/update",
        ["CUSTOMERS_MARKETING_CONSENT_UPDATE"] = "customers_marketing_consent/update",
        ["SHOP_UPDATE"] = "shop/update",
        ["DISCOUNTS_CREATE"] = "discounts/create",
        ["DISCOUNTS_DELETE"] = "discounts/delete",
        ["DISCOUNTS_REDEEMCODE_ADDED"] = "discounts/redeemcode_added",
        ["CARTS_CREATE"] = "carts/create",
        ["CARTS_UPDATE"] = "carts/update",
    };

    public const string CustomersDataRequest = "customers/data_request";
    public const string CustomersRedact = "customers/redact";
    public const string ShopRedact = "shop/redact";

    internal static string[] Enums { get; } = [.. HeaderByEnum.Keys];

    /// <summary>CHECKOUTS_CREATE → checkouts/create. Unknown values fall back to "first underscore becomes a slash".</summary>
    public static string ToHeader(string topicEnum)
    {
        if (HeaderByEnum.TryGetValue(topicEnum, out var header))
        {
            return header;
        }

        var lower = topicEnum.ToLowerInvariant();
        var split = lower.IndexOf('_', StringComparison.Ordinal);
        return split < 0 ? lower : $"{lower[..split]}/{lower[(split + 1)..]}";
    }

    /// <summary>checkouts/create → CHECKOUTS_CREATE, or null when the topic has no enum value.</summary>
    public static string? ToEnum(string topicHeader) =>
        HeaderByEnum.FirstOrDefault(pair => pair.Value == topicHeader).Key;
}
