using CartRecovery.Core.Messages;

namespace CartRecovery.Core.Carts;

/// <summary>Carts, their lines and their timeline. Every method that changes state does so atomically.</summary>
public interface ICartRepository
{
    /// <summary>
    /// Reads the cart keyed by (store, external id), merges <paramref name="snapshot"/> with <see cref="CartMerger"/>
    /// and writes the result, in one transaction, adding a timeline event when something changed.
    /// </summary>
    Task<CartMergeResult> UpsertAsync(CartSnapshot snapshot, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// As <see cref="UpsertAsync"/>, for a snapshot whose key depends on the carts the store already holds: in the same
    /// transaction, reads the carts its key or any of its platform refs matches (as <see cref="FindByRefsAsync"/> does) and
    /// upserts what <paramref name="align"/> makes of the snapshot and those matches.
    /// </summary>
    Task<CartMergeResult> UpsertAlignedAsync(CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot> align,
        DateTimeOffset now, CancellationToken ct);

    Task<Cart?> GetAsync(long cartId, CancellationToken ct);

    /// <summary>The carts of these ids that exist, with their lines, in no particular order.</summary>
    Task<IReadOnlyList<Cart>> GetManyAsync(IReadOnlyCollection<long> cartIds, CancellationToken ct);

    Task<Cart?> FindAsync(long storeId, string externalId, CancellationToken ct);

    /// <summary>The cart of the store whose external id or any platform ref (<see cref="Cart.PlatformRefs"/>) equals <paramref name="reference"/>.</summary>
    Task<Cart?> FindByRefAsync(long storeId, string reference, CancellationToken ct);

    /// <summary>
    /// In one read, every cart of the store whose external id or any platform ref equals one of <paramref name="references"/>,
    /// once per reference it matches, ordered by cart id (the first match of a reference is what
    /// <see cref="FindByRefAsync"/> returns for it).
    /// </summary>
    Task<IReadOnlyList<CartRefMatch>> FindByRefsAsync(long storeId, IReadOnlyCollection<string> references, CancellationToken ct);

    Task<IReadOnlyList<Cart>> ListAsync(CartQuery query, CancellationToken ct);

    /// <summary>Active carts with an email whose last platform activity is older than their store's cut-off.</summary>
    Task<IReadOnlyList<Cart>> FindIdleAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>
    /// Moves an Active cart to Abandoned and schedules <paramref name="plan"/> in one transaction.
    /// Returns false (and changes nothing) when the cart is not Active any more.
    /// </summary>
    Task<bool> AbandonAsync(long cartId, DateTimeOffset abandonedAt, IReadOnlyList<OutboundMessage> plan, CancellationToken ct);

    /// <summary>Records the store sequence (and version) the cart enrolled in, and whether it is in its control group.</summary>
    Task RecordSequenceAsync(long cartId, long sequenceId, int version, bool controlGroup, CancellationToken ct);

    /// <summary>
    /// Records the order, moves the cart to Recovered or ConvertedUnassisted and cancels its pending messages in one
    /// transaction. Returns false when the cart was already converted (a replayed order changes nothing).
    /// </summary>
    Task<bool> ConvertAsync(CartConversion conversion, DateTimeOffset now, CancellationToken ct);

    /// <summary>Moves a cart to Expired or OptedOut (if allowed) and cancels its pending messages.</summary>
    Task<bool> CloseAsync(long cartId, CartStatus status, TimelineEntry reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// A customer keeps one cart per store: of the store's open (Active or Abandoned) carts with lines and the same
    /// normalized email as <paramref name="cartId"/>, only the newest by platform update stays open; the others expire
    /// ("replaced by a newer cart") with their pending messages cancelled, in one transaction. Returns how many closed
    /// (<paramref name="cartId"/> itself when it is the older one).
    /// </summary>
    Task<int> CloseReplacedAsync(long cartId, DateTimeOffset now, CancellationToken ct);

    Task AddEventAsync(CartEvent cartEvent, CancellationToken ct);

    /// <summary>The cart's timeline, oldest first.</summary>
    Task<IReadOnlyList<CartEvent>> GetTimelineAsync(long cartId, CancellationToken ct);
}
