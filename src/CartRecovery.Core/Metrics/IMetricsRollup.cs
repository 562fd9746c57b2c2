namespace CartRecovery.Core.Metrics;

/// <summary>Per-store daily roll-up of the headline numbers, so that they outlive the customer data they count.</summary>
public interface IMetricsRollup
{
    /// <summary>Counts <paramref name="day"/> (UTC) from the carts and messages held now and replaces its rows. Returns rows written.</summary>
    Task<int> RollUpDayAsync(DateOnly day, DateTimeOffset now, CancellationToken ct);

    /// <summary>When the latest row was rolled up, or null before any roll-up wrote one.</summary>
    Task<DateTimeOffset?> LastRolledUpAtAsync(CancellationToken ct);

    /// <summary>When the oldest cart held was created, or null when there are none.</summary>
    Task<DateTimeOffset?> OldestCartAsync(CancellationToken ct);

    /// <summary>The rolled-up days from <paramref name="first"/> to <paramref name="last"/> (inclusive), of one store or all.</summary>
    Task<IReadOnlyList<DailyStoreMetrics>> ListAsync(long? storeId, DateOnly first, DateOnly last, CancellationToken ct);
}
