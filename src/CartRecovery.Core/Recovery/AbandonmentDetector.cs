using CartRecovery.Core.Carts;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Recovery;

/// <summary>Finds carts idle past their store's cut-off, marks them abandoned and enrols them in the store's sequence.</summary>
public sealed partial class AbandonmentDetector(
    ICartRepository carts,
    IStoreRepository stores,
    SequenceEnrolment enrolment,
    SendingRules rules,
    ReasonAnswering reasons,
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
            using var activity = CartRecoveryTelemetry.Start("cart.abandon", store.Id, cart.Id);

            // The store's sending policy: maximum cart age, contents, consent. A refused cart expires with the reason.
            if (await rules.RefuseEnrolmentAsync(cart, now, ct) is { } refusal)
            {
                await carts.CloseAsync(cart.Id, CartStatus.Expired, refusal, now, ct);
                continue;
            }

            // Delays count from detection, not from the last activity: if detection ran late (downtime, a cart
            // found late by polling) the steps still keep their spacing instead of all falling due at once.
            var chosen = await enrolment.ChooseAsync(store, cart, now, ct);
            if (await carts.AbandonAsync(cart.Id, now, chosen.Plan, ct))
            {
                await RecordEnrolmentAsync(cart, chosen, now, ct);
                // The shopper may have said why they left before the cart was abandoned (the storefront's exit question).
                if (chosen.Plan.Count > 0)
                    await reasons.AnswerAtEnrolmentAsync(cart, ct);
                activity?.SetTag("cartrecovery.steps", chosen.Plan.Count);
                enrolled++;
                if (chosen.Matched)
                    Log.Abandoned(logger, cart.Id, store.Id, chosen.Plan.Count);
                else
                    Log.NotEnrolled(logger, cart.Id, store.Id);
            }
        }
        return enrolled;
    }

    // Presets need no note: the store's settings say which one runs. A store's own sequence is named with its version.
    private async Task RecordEnrolmentAsync(Cart cart, Enrolment chosen, DateTimeOffset now, CancellationToken ct)
    {
        if (!chosen.Matched)
            await carts.AddEventAsync(new(cart.Id, now, CartEventKinds.NotEnrolled, TimelineEntry.Of(TimelineCodes.NotEnrolled)), ct);
        else if (chosen.Sequence is { } sequence)
        {
            await carts.RecordSequenceAsync(cart.Id, sequence.Id, sequence.Version, chosen.Control, ct);
            await carts.AddEventAsync(new(cart.Id, now, CartEventKinds.Abandoned, TimelineEntry.Of(chosen.Control ? TimelineCodes.HeldOut : TimelineCodes.Enrolled,
                TimelineArg.Of(sequence.Definition.Name), TimelineArg.Of(sequence.Id), TimelineArg.Of(sequence.Version))), ct);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "Cart {CartId} of store {StoreId} abandoned; {Steps} steps scheduled")]
        public static partial void Abandoned(ILogger logger, long cartId, long storeId, int steps);

        // A warning, not information: a store whose own sequences match none of its carts sends nothing at all, and
        // only a person changing the sequences' conditions fixes that.
        [LoggerMessage(1202, LogLevel.Warning, "Cart {CartId} of store {StoreId} abandoned, but none of the store's active sequences matches it: nothing is scheduled")]
        public static partial void NotEnrolled(ILogger logger, long cartId, long storeId);
    }
}
