namespace CartRecovery.Core.Stores;

/// <summary>Each store's <see cref="SendingPolicy"/>, one row per store.</summary>
public interface IStorePolicyRepository
{
    /// <summary>The store's saved policy, or <see cref="SendingPolicy.Default"/> when it never saved one.</summary>
    Task<SendingPolicy> GetAsync(long storeId, CancellationToken ct);

    /// <summary>Inserts or replaces the store's policy. The caller has validated it.</summary>
    Task SaveAsync(long storeId, SendingPolicy policy, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Ids of the stores whose frequency cap counts together with <paramref name="storeId"/>'s: every store with the
    /// same <see cref="SendingPolicy.Account"/>, or the store alone when it has none. Always contains the store itself.
    /// </summary>
    Task<IReadOnlyList<long>> CapGroupAsync(long storeId, CancellationToken ct);
}
