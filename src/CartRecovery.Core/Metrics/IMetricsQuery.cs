namespace CartRecovery.Core.Metrics;

public interface IMetricsQuery
{
    /// <summary>Metrics of these stores (one, or those the caller may see), or of every store when <paramref name="storeIds"/> is null.</summary>
    Task<RecoveryMetrics> GetAsync(IReadOnlyCollection<long>? storeIds, CancellationToken ct);

    /// <summary>The carts of these stores abandoned in [<paramref name="from"/>, <paramref name="until"/>) and how far they went.</summary>
    Task<RecoveryFunnel> GetFunnelAsync(IReadOnlyCollection<long> storeIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct);

    /// <summary>
    /// The activity of these stores in [<paramref name="from"/>, <paramref name="until"/>) by quarter hour, so a caller
    /// can add it up by each store's own local day (the daily roll-up counts UTC days).
    /// </summary>
    Task<IReadOnlyList<MetricsBucket>> GetQuarterHoursAsync(IReadOnlyCollection<long> storeIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct);

    /// <summary>Per step: the messages sent in [<paramref name="from"/>, <paramref name="until"/>) and the orders they recovered.</summary>
    Task<IReadOnlyList<StepMetrics>> GetStepsAsync(IReadOnlyCollection<long> storeIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct);
}
