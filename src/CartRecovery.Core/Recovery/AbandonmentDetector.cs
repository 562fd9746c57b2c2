using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Recovery;

/// <summary>Finds carts idle past their store's cut-off, marks them abandoned and enrols them in the store's sequence.</summary>
public sealed partial class AbandonmentDetector(
    ICartStore carts,
    IStoreRepository stores,
    SendingRules rules,
    RecoveryOptions options,
    TimeProvider time,
    ILogger<AbandonmentDetector> logger)
{
    /// <summary>One pass; returns how many carts were enrolled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var idle = await carts.FindIdleAsync(now, options.AbandonmentBatchSize, ct);
        var storesById = new Dictionary<long, Store?>();
        var enrolled = 0;
        foreach (var cart in idle)
        {
            if (!storesById.TryGetValue(cart.StoreId, out var store))
                storesById[cart.StoreId] = store = await stores.GetAsync(cart.StoreId, ct);
            if (store is null)
                continue;

            // The store's sending policy: maximum cart age, contents, consent. A refused cart expires with the reason.
            if (await rules.RefuseEnrolmentAsync(cart, now, ct) is { } refusal)
            {
                await carts.CloseAsync(cart.Id, CartStatus.Expired, refusal, now, ct);
                continue;
            }

            // Delays count from detection, not from the last activity: if detection ran late (downtime, a cart
            // found late by polling) the steps still keep their spacing instead of all falling due at once.
            var plan = SequencePlanner.Plan(store.Id, cart.Id, SequencePresets.Find(store.Sequence), now);
            if (await carts.AbandonAsync(cart.Id, now, plan, ct))
            {
                enrolled++;
                Log.Abandoned(logger, cart.Id, store.Id, plan.Count);
            }
        }
        return enrolled;
    }

    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "Cart {CartId} of store {StoreId} abandoned; {Steps} steps scheduled")]
        public static partial void Abandoned(ILogger logger, long cartId, long storeId, int steps);
    }
}
