namespace CartRecovery.Core.Webhooks;

/// <summary>A connector's processing of its platform's stored deliveries. Must be idempotent: a delivery may be handled twice.</summary>
public interface IWebhookHandler
{
    string Platform { get; }

    Task HandleAsync(WebhookDelivery delivery, CancellationToken ct);

    /// <summary>
    /// True for a topic that asks for an erasure (Shopify's customers/redact, shop/redact): its own body names the
    /// person, so once handled the inbox must not keep it.
    /// </summary>
    bool IsErasure(string topic) => false;
}
