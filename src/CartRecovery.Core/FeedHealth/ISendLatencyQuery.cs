namespace CartRecovery.Core.FeedHealth;

/// <summary>Reads how late a store's sent messages went out, from the messages' due and sent times.</summary>
public interface ISendLatencyQuery
{
    Task<SendLatency> GetAsync(long storeId, DateTimeOffset since, DateTimeOffset until, CancellationToken ct);
}
