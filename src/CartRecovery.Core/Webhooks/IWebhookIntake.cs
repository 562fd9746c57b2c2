namespace CartRecovery.Core.Webhooks;

/// <summary>
/// Where a connector's webhook endpoint hands a verified delivery: stored durably (a duplicate is acknowledged and
/// dropped) and processed by the host's job. The platform gets its 2xx only after this returns.
/// </summary>
public interface IWebhookIntake
{
    /// <summary>Stores the delivery and nudges processing. True when it is new, false for a duplicate.</summary>
    Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct);
}
