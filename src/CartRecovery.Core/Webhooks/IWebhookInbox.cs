namespace CartRecovery.Core.Webhooks;

/// <summary>The durable inbox of verified webhook deliveries.</summary>
public interface IWebhookInbox
{
    /// <summary>Stores the delivery unless one with the same (platform, delivery id) exists. True when it is new.</summary>
    Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending deliveries whose next attempt is due, oldest first, leasing
    /// them until <paramref name="leaseUntil"/> so that concurrent processors do not take the same one.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int batchSize, CancellationToken ct);

    /// <summary>Marks these deliveries processed, in one durable commit.</summary>
    Task MarkProcessedAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct);

    /// <summary>Blanks the stored body of a processed delivery (an erasure request names the person it erases).</summary>
    Task ForgetBodyAsync(long id, CancellationToken ct);

    /// <summary>Records a failed attempt: pending again at <paramref name="retryAt"/>, or Failed when it is null.</summary>
    Task MarkFailedAsync(long id, string lastError, DateTimeOffset? retryAt, CancellationToken ct);
}
