namespace CartRecovery.Core.Metrics;

public interface IMetricsQuery
{
    /// <summary>Metrics of these stores (one, or those the caller may see), or of every store when <paramref name="storeIds"/> is null.</summary>
    Task<RecoveryMetrics> GetAsync(IReadOnlyCollection<long>? storeIds, CancellationToken ct);
}
