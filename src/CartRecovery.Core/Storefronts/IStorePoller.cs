using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Storefronts;

/// <summary>
/// A connector's catch-up path: reads what changed on the platform since its last pass and reports it through
/// <see cref="Recovery.CartIngestion"/>. Webhooks are hints; polling is what guarantees nothing is missed.
/// </summary>
public interface IStorePoller
{
    /// <summary>The <see cref="Store.Platform"/> this poller serves.</summary>
    string Platform { get; }

    /// <summary>One pass over one store; returns how many carts or orders were reported.</summary>
    Task<int> PollAsync(Store store, CancellationToken ct);
}
