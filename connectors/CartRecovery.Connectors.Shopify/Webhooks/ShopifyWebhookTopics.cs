namespace CartRecovery.Connectors.Shopify.Webhooks;

/// <summary>Webhook topics as Shopify sends them in <c>X-Shopify-Topic</c>.</summary>
internal static class ShopifyWebhookTopics
{
    public const string CheckoutsCreate = "checkouts/create";
    public const string CheckoutsUpdate = "checkouts/update";
    public const string CheckoutsDelete = "checkouts/delete";
    public const string OrdersCreate = "orders/create";
    public const string AppUninstalled = "app/uninstalled";
    /// <summary>The app's subscription changed (approved, declined, cancelled, frozen, capped amount): a hint to re-read it.</summary>
    public const string AppSubscriptionsUpdate = "app_subscriptions/update";

    // Mandatory compliance topics (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance).
    public const string CustomersDataRequest = "customers/data_request";
    public const string CustomersRedact = "customers/redact";
    public const string ShopRedact = "shop/redact";
}
