namespace CartRecovery.Core.Webhooks;

/// <summary>Deliveries waiting in the inbox: how many, and since when the oldest of them.</summary>
public sealed record WebhookBacklog(long Pending, DateTimeOffset? OldestReceivedAt);

/// <summary>A cheap reading of the inbox's backlog, for the operator's gauges.</summary>
public interface IWebhookBacklog
{
    Task<WebhookBacklog> MeasureAsync(CancellationToken ct);
}
