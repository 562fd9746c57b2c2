namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>A subscription made through webhookSubscriptionCreate. <see cref="Topic"/> is the enum (CHECKOUTS_CREATE).</summary>
public sealed record ShopifyEmulatorWebhookSubscription(
    string Id,
    string Topic,
    Uri Uri,
    string Format,
    IReadOnlyList<string> IncludeFields,
    DateTimeOffset CreatedAt)
{
    /// <summary>The topic as the X-Shopify-Topic header spells it (checkouts/create).</summary>
    public string TopicHeader => ShopifyWebhookTopics.ToHeader(Topic);
}
