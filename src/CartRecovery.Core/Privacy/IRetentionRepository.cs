namespace CartRecovery.Core.Privacy;

/// <summary>Erasure of customer data that outlived its store's retention period.</summary>
public interface IRetentionRepository
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> carts of the store (with lines, references, timeline, messages and tasks)
    /// that saw no activity at or after <paramref name="cutoff"/>: created, updated, abandoned, converted, and every
    /// message due, sent, delivered, opened and clicked before it. Returns how many carts were deleted, with the ids of
    /// their messages.
    /// </summary>
    Task<PurgedCarts> PurgeCartsAsync(long storeId, DateTimeOffset cutoff, int batchSize, CancellationToken ct);

    /// <summary>Deletes the store's processed webhook deliveries and data-request exports older than <paramref name="cutoff"/>.</summary>
    Task<int> PurgeRecordsAsync(long storeId, DateTimeOffset cutoff, CancellationToken ct);
}
