using CartRecovery.Core.Carts;
using CartRecovery.Core.Tasks;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// A person on the shop's team stops a cart's recovery: the cart closes as Expired with the reason on its timeline, its
/// pending messages are cancelled in the same transaction (none goes out afterwards) and its open follow-up tasks close.
/// Nothing is re-sent or sent sooner: stopping is the only hand-made change to a running sequence.
/// </summary>
public sealed class SequenceStop(ICartRepository carts, IFollowUpTaskRepository tasks, TimeProvider time)
{
    public static readonly TimelineEntry Reason = TimelineEntry.Of(TimelineCodes.Stopped);

    /// <summary>Whether a cart in <paramref name="status"/> can still be stopped (it may still get messages).</summary>
    public static bool CanStop(CartStatus status) => CartLifecycle.CanMove(status, CartStatus.Expired);

    /// <summary>Stops the cart's sequence. False when it had already ended (converted, opted out, expired).</summary>
    public async Task<bool> StopAsync(long cartId, CancellationToken ct)
    {
        if (!await carts.CloseAsync(cartId, CartStatus.Expired, Reason, time.GetUtcNow(), ct))
            return false;
        await tasks.CloseForCartAsync(cartId, ct);
        return true;
    }
}
