using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Tasks;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Recovery;

/// <summary>Where connectors hand over what they saw: carts (any number of times, in any order) and orders.</summary>
public sealed partial class CartIngestion(
    ICartRepository carts,
    IMessageRepository messages,
    IFollowUpTaskRepository tasks,
    RecoveryOptions options,
    TimeProvider time,
    ILogger<CartIngestion> logger)
{
    public static readonly TimelineEntry EmptiedReason = TimelineEntry.Of(TimelineCodes.Emptied);

    /// <summary>
    /// Merges the snapshot, then applies the stop conditions news of a cart can bring: an abandoned cart emptied by the
    /// customer expires (its steps are cancelled), and a customer's newer open cart replaces their older ones in the store.
    /// </summary>
    public Task<CartMergeResult> ReportCartAsync(CartSnapshot snapshot, CancellationToken ct) => ReportCartAsync(snapshot, null, ct);

    /// <summary>
    /// As <see cref="ReportCartAsync(CartSnapshot, CancellationToken)"/>, the snapshot first re-keyed by <paramref name="align"/>
    /// from the carts its key and platform refs match, read in the merge's own transaction (<see cref="ICartRepository.UpsertAlignedAsync"/>).
    /// </summary>
    public async Task<CartMergeResult> ReportCartAsync(CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot>? align,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var activity = CartRecoveryTelemetry.Start("cart.report", snapshot.StoreId);
        var result = align is null
            ? await carts.UpsertAsync(snapshot, time.GetUtcNow(), ct)
            : await carts.UpsertAlignedAsync(snapshot, align, time.GetUtcNow(), ct);
        activity?.SetTag(CartRecoveryTelemetry.Tags.CartId, result.Cart.Id).SetTag(CartRecoveryTelemetry.Tags.Outcome, result.Outcome.ToString());
        if (result.Outcome != MergeOutcome.Unchanged)
            await StopWhenEmptiedOrReplacedAsync(result.Cart, ct);
        return result;
    }

    // Each move is one transaction of its own after the merge; a step falling due in between is still held by the
    // dispatcher, which never emails about an empty cart. An Active cart emptied stays Active (the shopper may fill it
    // again) and is expired at enrolment if still empty.
    private async Task StopWhenEmptiedOrReplacedAsync(Cart cart, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cart.Lines.Count == 0)
        {
            if (cart.Status == CartStatus.Abandoned && await carts.CloseAsync(cart.Id, CartStatus.Expired, EmptiedReason, now, ct))
                Log.Emptied(logger, cart.Id, cart.StoreId);
            return;
        }
        if (cart.Contact.CanBeEmailed && cart.Status is CartStatus.Active or CartStatus.Abandoned)
        {
            if (await carts.CloseReplacedAsync(cart.Id, now, ct) is var replaced and > 0)
                Log.Replaced(logger, replaced, cart.Id, cart.StoreId);
        }
    }

    /// <summary>The platform deleted or closed the cart without an order: it expires and its steps are cancelled.</summary>
    public async Task<bool> ReportCartGoneAsync(long storeId, string reference, CancellationToken ct)
    {
        var cart = await carts.FindByRefAsync(storeId, reference, ct);
        return cart is not null && await carts.CloseAsync(cart.Id, CartStatus.Expired, TimelineEntry.Of(TimelineCodes.PlatformDeleted), time.GetUtcNow(), ct);
    }

    public async Task<OrderOutcome> ReportOrderAsync(OrderReport order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var activity = CartRecoveryTelemetry.Start("cart.order", order.StoreId);
        var cart = await carts.FindByRefAsync(order.StoreId, order.CartExternalId, ct);
        if (cart is null)
            return OrderOutcome.UnknownCart;
        activity?.SetTag(CartRecoveryTelemetry.Tags.CartId, cart.Id);
        if (cart.Status.IsConverted())
            return OrderOutcome.AlreadyConverted;

        var sent = await messages.ListForCartAsync(cart.Id, ct);
        var attribution = AttributionPolicy.Attribute(sent, order.OrderedAt, options.AttributionWindow);
        var conversion = new CartConversion(cart.Id, order.OrderId, order.TotalMinor, order.OrderedAt, attribution);
        if (!await carts.ConvertAsync(conversion, time.GetUtcNow(), ct))
            return OrderOutcome.AlreadyConverted;
        await tasks.CloseForCartAsync(cart.Id, ct);

        if (attribution.IsRecovered)
        {
            Log.Recovered(logger, cart.Id, cart.StoreId, attribution.Step ?? 0);
            return OrderOutcome.Recovered;
        }
        Log.ConvertedUnassisted(logger, cart.Id, cart.StoreId);
        return OrderOutcome.ConvertedUnassisted;
    }

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Information, "Cart {CartId} of store {StoreId} recovered by step {Step}")]
        public static partial void Recovered(ILogger logger, long cartId, long storeId, int step);

        [LoggerMessage(1102, LogLevel.Information, "Cart {CartId} of store {StoreId} converted without help")]
        public static partial void ConvertedUnassisted(ILogger logger, long cartId, long storeId);

        [LoggerMessage(1103, LogLevel.Information, "Cart {CartId} of store {StoreId} emptied by the customer; its steps are cancelled")]
        public static partial void Emptied(ILogger logger, long cartId, long storeId);

        [LoggerMessage(1104, LogLevel.Information, "{Count} cart(s) of store {StoreId} replaced by a newer cart of the same customer after news of cart {CartId}; their steps are cancelled")]
        public static partial void Replaced(ILogger logger, int count, long cartId, long storeId);
    }
}
