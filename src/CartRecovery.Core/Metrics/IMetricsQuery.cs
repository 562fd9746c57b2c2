namespace CartRecovery.Core.Metrics;

public interface IMetricsQuery
{
    /// <summary>Metrics of one store, or of every store when <paramref name="storeId"/> is null.</summary>
    Task<RecoveryMetrics> GetAsync(long? storeId, CancellationToken ct);
}
