namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>One webhook event: the same id, event id, trigger time and body on every retry.</summary>
internal sealed record ShopifyWebhookDelivery(
    Uri Target, string Topic, string Body, string WebhookId, string EventId, DateTimeOffset TriggeredAt, string? SecretOverride);
