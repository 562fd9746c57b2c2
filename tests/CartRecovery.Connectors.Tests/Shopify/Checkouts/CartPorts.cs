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
        // What the store's one read by references returns for the carts in Known, in the store's order (by cart id).
        Carts.Setup(c => c.FindByRefsAsync(It.IsAny<long>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long storeId, IReadOnlyCollection<string> references, CancellationToken _) => Known
                .Where(c => c.StoreId == storeId).OrderBy(c => c.Id)
                .SelectMany(c => references.Distinct().Where(r => c.ExternalId == r || c.PlatformRefs.Values.Contains(r))
                    .Select(r => new CartRefMatch(r, c.Id, c.ExternalId, c.PlatformRefs)))
                .ToList());
        Messages.Setup(m => m.ListForCartAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

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
