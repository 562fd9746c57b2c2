using System.Collections.Concurrent;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Checkouts;

/// <summary>Mocked cart ports behind a real <see cref="CartIngestion"/>; upserts are recorded.</summary>
internal sealed class CartPorts
{
    public CartPorts()
    {
        Carts.Setup(c => c.UpsertAsync(It.IsAny<CartSnapshot>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CartSnapshot snapshot, DateTimeOffset now, CancellationToken _) =>
            {
                Upserted.Enqueue(snapshot);
                return new CartMergeResult(Cart.FromSnapshot(snapshot, now), MergeOutcome.Created);
            });
        Carts.Setup(c => c.FindByRefsAsync(It.IsAny<long>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long storeId, IReadOnlyCollection<string> references, CancellationToken _) => Matches(storeId, references));
        // The store's merge after its read by the snapshot's key and refs.
        Carts.Setup(c => c.UpsertAlignedAsync(It.IsAny<CartSnapshot>(), It.IsAny<Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot>>(),
                It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot> align, DateTimeOffset now, CancellationToken _) =>
            {
                var aligned = align(snapshot, Matches(snapshot.StoreId, [snapshot.ExternalId, .. snapshot.PlatformRefs.Values]));
                Upserted.Enqueue(aligned);
                return new CartMergeResult(Cart.FromSnapshot(aligned, now), MergeOutcome.Created);
            });
        Messages.Setup(m => m.ListForCartAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    // What the store's one read by references returns for the carts in Known, in the store's order (by cart id).
    private List<CartRefMatch> Matches(long storeId, IReadOnlyCollection<string> references) => Known
        .Where(c => c.StoreId == storeId).OrderBy(c => c.Id)
        .SelectMany(c => references.Distinct().Where(r => c.ExternalId == r || c.PlatformRefs.Values.Contains(r))
            .Select(r => new CartRefMatch(r, c.Id, c.ExternalId, c.PlatformRefs)))
        .ToList();

    /// <summary>Carts the store holds, as far as looking a snapshot up by its references goes.</summary>
    public List<Cart> Known { get; } = [];

    public Mock<ICartRepository> Carts { get; } = new();

    public Mock<IMessageRepository> Messages { get; } = new();

    public Mock<IFollowUpTaskRepository> Tasks { get; } = new();

    public ConcurrentQueue<CartSnapshot> Upserted { get; } = new();

    public CartIngestion Ingestion(TimeProvider time) =>
        new(Carts.Object, Messages.Object, Tasks.Object, new RecoveryOptions(), time, NullLogger<CartIngestion>.Instance);

    /// <summary>A stored cart as the store would return it.</summary>
    public static Cart Stored(long id, string externalId, IReadOnlyDictionary<string, string> refs) =>
        TestData.Cart() with { Id = id, ExternalId = externalId, PlatformRefs = refs, Status = CartStatus.Active };
}

/// <summary>Connector state in memory.</summary>
internal sealed class InMemoryConnectorState : IConnectorStateRepository
{
    public ConcurrentDictionary<(long, string), string> Values { get; } = new();

    public Task<string?> GetAsync(long storeId, string key, CancellationToken ct) =>
        Task.FromResult(Values.TryGetValue((storeId, key), out var value) ? value : null);

    public Task SetAsync(long storeId, string key, string value, CancellationToken ct)
    {
        Values[(storeId, key)] = value;
        return Task.CompletedTask;
    }

    public string? Get(string key) => Values.TryGetValue((1, key), out var value) ? value : null;
}
