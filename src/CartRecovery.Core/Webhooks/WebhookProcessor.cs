using CartRecovery.Core.Storage;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// Works the inbox: hands each stored delivery to its platform's handler. A failing delivery is retried with backoff
/// and never blocks the others; after the last attempt it stays in the inbox as Failed for an operator.
/// </summary>
public sealed partial class WebhookProcessor(
    IWebhookInbox inbox,
    IEnumerable<IWebhookHandler> handlers,
    TimeProvider time,
    ILogger<WebhookProcessor> logger)
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, IWebhookHandler> _handlers = handlers.ToDictionary(h => h.Platform, StringComparer.OrdinalIgnoreCase);

    /// <summary>One batch; returns how many deliveries were processed successfully.</summary>
    public async Task<int> RunOnceAsync(int batchSize, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = await inbox.ClaimAsync(now, now + Lease, batchSize, ct);
        var processed = new List<long>(batch.Count);
        var erased = new List<long>();
        foreach (var delivery in batch)
        {
            using var activity = CartRecoveryTelemetry.Start("webhook.process", delivery.StoreId)
                ?.SetTag(CartRecoveryTelemetry.Tags.Platform, delivery.Platform).SetTag(CartRecoveryTelemetry.Tags.Topic, delivery.Topic)
                .SetTag(CartRecoveryTelemetry.Tags.DeliveryId, delivery.Id);
            using var scope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["Platform"] = delivery.Platform, ["DeliveryId"] = delivery.Id, ["StoreId"] = delivery.StoreId,
            });
            try
            {
                if (!_handlers.TryGetValue(delivery.Platform, out var handler))
                    throw new InvalidOperationException($"No webhook handler for platform '{delivery.Platform}'.");
                using (RelaxedDurability.Begin())
                    await handler.HandleAsync(delivery, ct);
                processed.Add(delivery.Id);
                // Whatever the handler found (an unknown shop, no matching customer), the request has been answered.
                if (handler.IsErasure(delivery.Topic))
                    erased.Add(delivery.Id);
                WebhookMetrics.Handled(delivery.Platform, "processed");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                var attempt = delivery.Attempts + 1;
                DateTimeOffset? retryAt = attempt >= MaxAttempts ? null : time.GetUtcNow() + FirstRetry * Math.Pow(2, attempt - 1);
                await inbox.MarkFailedAsync(delivery.Id, error.Message, retryAt, ct);
                Log.Failed(logger, error, delivery.Platform, delivery.Topic, delivery.Id, attempt);
                CartRecoveryTelemetry.Fail(activity, error);
                WebhookMetrics.Handled(delivery.Platform, retryAt is null ? "failed" : "retrying");
            }
        }
        if (processed.Count > 0)
            await inbox.MarkProcessedAsync(processed, time.GetUtcNow(), ct);
        foreach (var id in erased)
            await inbox.ForgetBodyAsync(id, ct);
        return processed.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(1601, LogLevel.Warning, "{Platform} webhook {Topic} (inbox {DeliveryId}) failed on attempt {Attempt}")]
        public static partial void Failed(ILogger logger, Exception error, string platform, string topic, long deliveryId, int attempt);
    }
}
