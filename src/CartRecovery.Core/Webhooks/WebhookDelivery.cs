namespace CartRecovery.Core.Webhooks;

public enum WebhookStatus
{
    Pending = 0,
    Processed = 1,
    /// <summary>Gave up after the last attempt; kept for an operator to read and replay.</summary>
    Failed = 2,
}

/// <summary>
/// A platform webhook as received, after its signature was verified. It is stored before the platform gets its 2xx,
/// so an accepted delivery is never lost, and processed afterwards (at least once; handlers are idempotent).
/// </summary>
public sealed record WebhookDelivery
{
    public long Id { get; init; }
    public required string Platform { get; init; }
    /// <summary>The platform's delivery id (Shopify <c>X-Shopify-Webhook-Id</c>, WooCommerce <c>X-WC-Webhook-Delivery-ID</c>): the de-duplication key.</summary>
    public required string DeliveryId { get; init; }
    public required string Topic { get; init; }
    /// <summary>The store it was for, when known at receipt.</summary>
    public long? StoreId { get; init; }
    /// <summary>The shop as the platform names it (Shopify domain, WooCommerce site URL).</summary>
    public string? ShopRef { get; init; }
    public required string Body { get; init; }
    /// <summary>When the platform says it triggered the event, if it says so; orders stale deliveries.</summary>
    public DateTimeOffset? TriggeredAt { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public WebhookStatus Status { get; init; } = WebhookStatus.Pending;
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
}
