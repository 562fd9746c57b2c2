using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;

namespace CartRecovery.Connectors.Tests.WooCommerce.Support;

/// <summary>An <see cref="ICartRepository"/> on a list, merging with the real <see cref="CartMerger"/> and lifecycle rules.</summary>
internal sealed class InMemoryCartRepository : ICartRepository
{
    private readonly object _gate = new();
    private readonly List<Cart> _carts = [];
    private readonly List<CartEvent> _events = [];

    /// <summary>Every snapshot reported, in order: how often each order was ingested.</summary>
    public List<CartSnapshot> Upserts { get; } = [];

    public IReadOnlyList<Cart> All
    {
        get { lock (_gate) return [.. _carts]; }
    }

    public Cart? Find(string externalId)
    {
        lock (_gate)
            return _carts.SingleOrDefault(c => c.ExternalId == externalId);
    }

    public async Task<CartMergeResult> UpsertAlignedAsync(CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot> align,
        DateTimeOffset now, CancellationToken ct) =>
        await UpsertAsync(align(snapshot, await FindByRefsAsync(snapshot.StoreId, [snapshot.ExternalId, .. snapshot.PlatformRefs.Values], ct)), now, ct);

    public Task<CartMergeResult> UpsertAsync(CartSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate)
        {
            Upserts.Add(snapshot);
            var existing = _carts.SingleOrDefault(c => c.StoreId == snapshot.StoreId && c.ExternalId == snapshot.ExternalId);
            var result = CartMerger.Merge(existing, snapshot, now);
            var cart = existing is null ? result.Cart with { Id = _carts.Count + 1 } : result.Cart;
            Replace(existing, cart);
            return Task.FromResult(result with { Cart = cart });
        }
    }

    public Task RecordSequenceAsync(long cartId, long sequenceId, int version, bool controlGroup, CancellationToken ct) =>
        throw new NotSupportedException("Connectors never enrol carts.");

    public Task<Cart?> GetAsync(long cartId, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(_carts.SingleOrDefault(c => c.Id == cartId));
    }

    public Task<IReadOnlyList<Cart>> GetManyAsync(IReadOnlyCollection<long> cartIds, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Cart>>([.. _carts.Where(c => cartIds.Contains(c.Id))]);
    }

    public Task<Cart?> FindAsync(long storeId, string externalId, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(_carts.SingleOrDefault(c => c.StoreId == storeId && c.ExternalId == externalId));
    }

    public Task<Cart?> FindByRefAsync(long storeId, string reference, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(_carts.FirstOrDefault(c => c.StoreId == storeId && (c.ExternalId == reference || c.PlatformRefs.Values.Contains(reference))));
    }

    public Task<IReadOnlyList<CartRefMatch>> FindByRefsAsync(long storeId, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<CartRefMatch>>(_carts.Where(c => c.StoreId == storeId).OrderBy(c => c.Id)
                .SelectMany(c => references.Distinct().Where(r => c.ExternalId == r || c.PlatformRefs.Values.Contains(r))
                    .Select(r => new CartRefMatch(r, c.Id, c.ExternalId, c.PlatformRefs)))
                .ToList());
    }

    public Task<IReadOnlyList<Cart>> ListAsync(CartQuery query, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Cart>>(_carts.Where(c => query.StoreId is null || c.StoreId == query.StoreId).ToList());
    }

    public Task<IReadOnlyList<Cart>> FindIdleAsync(DateTimeOffset now, int limit, CancellationToken ct) => Task.FromResult<IReadOnlyList<Cart>>([]);

    public Task<bool> AbandonAsync(long cartId, DateTimeOffset abandonedAt, IReadOnlyList<OutboundMessage> plan, CancellationToken ct) =>
        Move(cartId, CartStatus.Abandoned, c => c with { AbandonedAt = abandonedAt });

    public Task<bool> ConvertAsync(CartConversion conversion, DateTimeOffset now, CancellationToken ct) =>
        Move(conversion.CartId, conversion.Attribution.IsRecovered ? CartStatus.Recovered : CartStatus.ConvertedUnassisted,
            c => c with { ConvertedAt = conversion.OrderedAt, OrderId = conversion.OrderId, OrderTotalMinor = conversion.OrderTotalMinor });

    public Task<bool> CloseAsync(long cartId, CartStatus status, TimelineEntry reason, DateTimeOffset now, CancellationToken ct) =>
        Move(cartId, status, c => c);

    public Task<int> CloseReplacedAsync(long cartId, DateTimeOffset now, CancellationToken ct) => Task.FromResult(0);

    public Task AddEventAsync(CartEvent cartEvent, CancellationToken ct)
    {
        lock (_gate)
            _events.Add(cartEvent);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CartEvent>> GetTimelineAsync(long cartId, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<CartEvent>>(_events.Where(e => e.CartId == cartId).ToList());
    }

    private Task<bool> Move(long cartId, CartStatus to, Func<Cart, Cart> change)
    {
        lock (_gate)
        {
            var cart = _carts.SingleOrDefault(c => c.Id == cartId);
            if (cart is null || !CartLifecycle.CanMove(cart.Status, to))
                return Task.FromResult(false);
            Replace(cart, change(cart) with { Status = to });
            return Task.FromResult(true);
        }
    }

    private void Replace(Cart? old, Cart updated)
    {
        if (old is not null)
            _carts[_carts.IndexOf(old)] = updated;
        else
            _carts.Add(updated);
    }
}
