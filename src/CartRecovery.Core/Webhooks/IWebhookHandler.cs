namespace CartRecovery.Core.Webhooks;

/// <summary>A connector's processing of its platform's stored deliveries. Must be idempotent: a delivery may be handled twice.</summary>
public interface IWebhookHandler
{
    string Platform { get; }

    Task HandleAsync(WebhookDelivery delivery, CancellationToken ct);
}
