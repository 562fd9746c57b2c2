using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.CrossSell;

/// <summary>
/// The products an email may suggest beside a cart: those related to its lines (the dearest line first), without the
/// cart's own products, at most the number asked. Answers come from a bounded cache per (store, product); a miss asks
/// the platform but never past the send's deadline: a slow or failing catalogue gives an email without the block, never
/// a late email. A failure is remembered briefly so the next sends do not wait for it again.
/// </summary>
public sealed class RelatedProducts(IEnumerable<IRelatedProductSource> sources, TimeProvider time, int capacity = RelatedProducts.DefaultCapacity)
{
    private readonly Dictionary<string, IRelatedProductSource> _sources = sources.ToDictionary(s => s.Platform, StringComparer.Ordinal);

    public const int DefaultCapacity = 10_000;
    public static readonly TimeSpan FreshFor = TimeSpan.FromHours(6);
    public static readonly TimeSpan FailureRememberedFor = TimeSpan.FromMinutes(5);

    private readonly Dictionary<(long Store, string Product), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _byAge = new();
    private readonly Lock _gate = new();

    /// <param name="wait">How long this send may wait for the platform in all (what is left of its lateness budget).</param>
    public async Task<IReadOnlyList<RelatedProduct>> ForCartAsync(Store store, Cart cart, int max, TimeSpan wait, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        if (max <= 0 || !_sources.TryGetValue(store.Platform, out var source))
            return [];
        var inCart = cart.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!).ToHashSet(StringComparer.Ordinal);
        var suggested = new List<RelatedProduct>();
        using var deadline = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        foreach (var product in inCart.OrderByDescending(id => cart.Lines.Where(l => l.ProductId == id).Sum(l => l.LineTotalMinor)))
        {
            foreach (var related in await ForProductAsync(source, store, product, linked.Token))
            {
                if (!inCart.Contains(related.ProductId) && suggested.TrueForAll(s => s.ProductId != related.ProductId))
                    suggested.Add(related);
            }
            if (suggested.Count >= max || linked.IsCancellationRequested)
                break;
        }
        ct.ThrowIfCancellationRequested();
        return suggested.Take(max).ToList();
    }

    private async Task<IReadOnlyList<RelatedProduct>> ForProductAsync(IRelatedProductSource source, Store store, string productId, CancellationToken ct)
    {
        var key = (store.Id, productId);
        if (Cached(key) is { } known)
            return known;
        if (ct.IsCancellationRequested)
            return [];
        try
        {
            var fetched = await source.GetAsync(store, productId, ct).WaitAsync(ct);
            Remember(key, fetched, FreshFor);
            return fetched;
        }
        catch (OperationCanceledException)
        {
            // Out of time for this send: nothing remembered, a later send with time to spare asks again.
            return [];
        }
#pragma warning disable CA1031 // Any failure of the platform's catalogue means "no suggestions", never a failed send.
        catch (Exception)
#pragma warning restore CA1031
        {
            Remember(key, [], FailureRememberedFor);
            return [];
        }
    }

    private IReadOnlyList<RelatedProduct>? Cached((long, string) key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
                return null;
            if (node.Value.ExpiresAt <= time.GetUtcNow())
            {
                _byAge.Remove(node);
                _entries.Remove(key);
                return null;
            }
            _byAge.Remove(node);
            _byAge.AddFirst(node);
            return node.Value.Products;
        }
    }

    private void Remember((long, string) key, IReadOnlyList<RelatedProduct> products, TimeSpan lifetime)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var old))
                _byAge.Remove(old);
            _entries[key] = _byAge.AddFirst(new Entry(key, products, time.GetUtcNow() + lifetime));
            while (_entries.Count > capacity && _byAge.Last is { } least)
            {
                _byAge.RemoveLast();
                _entries.Remove(least.Value.Key);
            }
        }
    }

    /// <summary>How many products' answers are cached now (bounded by the capacity).</summary>
    public int CachedCount
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    private sealed record Entry((long Store, string Product) Key, IReadOnlyList<RelatedProduct> Products, DateTimeOffset ExpiresAt);
}
