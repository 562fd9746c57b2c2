using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// What the sending rules know of one dispatch batch. Emails queued in it but not recorded as sent yet: the plan
/// allowance and the frequency cap count recorded sends, and these too, so a batch cannot take a store past its plan
/// or a customer past the cap. And each store's policy and cap group, read once per batch (a batch lasts seconds; a
/// policy saved meanwhile applies from the next).
/// </summary>
public sealed class SendingBatch
{
    private readonly Dictionary<long, int> _byStore = [];
    private readonly Dictionary<(long StoreId, string Email), int> _byAddress = [];

    internal Dictionary<long, SendingPolicy> Policies { get; } = [];

    internal Dictionary<long, IReadOnlyList<long>> CapGroups { get; } = [];

    public void Add(long storeId, string email)
    {
        _byStore[storeId] = OfStore(storeId) + 1;
        var key = (storeId, PersonEmail.Normalize(email));
        _byAddress[key] = _byAddress.GetValueOrDefault(key) + 1;
    }

    public int OfStore(long storeId) => _byStore.GetValueOrDefault(storeId);

    /// <summary>Queued to <paramref name="email"/> (matched trimmed and ignoring case, as recorded sends are) by any of <paramref name="storeIds"/>.</summary>
    public int ToAddress(IEnumerable<long> storeIds, string email)
    {
        ArgumentNullException.ThrowIfNull(storeIds);
        var address = PersonEmail.Normalize(email);
        return storeIds.Sum(id => _byAddress.GetValueOrDefault((id, address)));
    }
}
