using System.Collections.Concurrent;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Tests.WooCommerce.Support;

/// <summary>The store, credential and connector-state ports on dictionaries, as one fake: tests look inside all three.</summary>
internal sealed class InMemoryStores : IStoreRepository, IStoreCredentialRepository, IConnectorStateRepository
{
    private readonly ConcurrentDictionary<long, Store> _stores = new();
    private readonly ConcurrentDictionary<long, StoreCredentials> _credentials = new();
    private readonly ConcurrentDictionary<(long, string), string> _state = new();
    private long _nextId;
    private long _nextAccountId;

    public IReadOnlyCollection<Store> Stores => [.. _stores.Values];
    public IReadOnlyCollection<StoreCredentials> Credentials => [.. _credentials.Values];

    public string? State(long storeId, string key) => _state.GetValueOrDefault((storeId, key));

    public Task<Store?> GetAsync(long storeId, CancellationToken ct) => Task.FromResult(_stores.GetValueOrDefault(storeId));

    public Task<Store?> GetRecentAsync(long storeId, CancellationToken ct) => GetAsync(storeId, ct);

    public Task<Store?> FindAsync(string platform, string externalId, CancellationToken ct) =>
        Task.FromResult(_stores.Values.FirstOrDefault(s => s.Platform == platform && s.ExternalId == externalId));

    public Task<IReadOnlyList<Store>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Store>>([.. _stores.Values]);

    public Task<IReadOnlyList<Store>> ListForAccountAsync(long accountId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Store>>([.. _stores.Values.Where(s => s.AccountId == accountId)]);

    public Task<Store?> FindByPublicKeyAsync(string publicKey, CancellationToken ct) =>
        Task.FromResult(_stores.Values.FirstOrDefault(s => s.PublicKey == publicKey));

    public Task<Store> UpsertAsync(Store store, CancellationToken ct)
    {
        var existing = _stores.Values.FirstOrDefault(s => s.Platform == store.Platform && s.ExternalId == store.ExternalId);
        // As the real repository: a new store without an account gets one of its own; an update keeps the store's.
        var saved = store with
        {
            Id = existing?.Id ?? Interlocked.Increment(ref _nextId),
            AccountId = store.AccountId ?? existing?.AccountId ?? Interlocked.Increment(ref _nextAccountId),
        };
        _stores[saved.Id] = saved;
        return Task.FromResult(saved);
    }

    Task<StoreCredentials?> IStoreCredentialRepository.GetAsync(long storeId, CancellationToken ct) => Task.FromResult(_credentials.GetValueOrDefault(storeId));

    public Task SaveAsync(StoreCredentials credentials, CancellationToken ct)
    {
        _credentials[credentials.StoreId] = credentials;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(long storeId, CancellationToken ct)
    {
        _credentials.TryRemove(storeId, out _);
        return Task.CompletedTask;
    }

    Task<string?> IConnectorStateRepository.GetAsync(long storeId, string key, CancellationToken ct) => Task.FromResult(State(storeId, key));

    public Task SetAsync(long storeId, string key, string value, CancellationToken ct)
    {
        _state[(storeId, key)] = value;
        return Task.CompletedTask;
    }
}
