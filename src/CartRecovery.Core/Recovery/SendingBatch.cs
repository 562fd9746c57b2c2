using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// What the sending rules know of one dispatch batch. Emails queued in it but not recorded as sent yet: the plan
/// allowance and the frequency cap count recorded sends, and these too, so a batch cannot take a store past its plan
/// or a customer past the cap. Each store's policy and cap group, read once per batch (a batch lasts seconds; a
/// policy saved meanwhile applies from the next). And the recorded sends the cap counts, read for all the batch's
/// addresses at once.
/// </summary>
/// <param name="addresses">The addresses of the batch's emails, whose recorded sends are read together.</param>
public sealed class SendingBatch(IEnumerable<string> addresses)
{
    private readonly Dictionary<long, int> _byStore = [];
    private readonly Dictionary<(long StoreId, string Email), int> _byAddress = [];
    private readonly HashSet<string> _addresses = [.. addresses.Select(PersonEmail.Normalize)];
    private readonly Dictionary<(long StoreId, TimeSpan Window), Dictionary<string, int>> _recorded = [];

    public SendingBatch()
        : this([])
    {
    }

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

    /// <summary>The recorded sends to <paramref name="email"/> that store <paramref name="storeId"/>'s cap counts over <paramref name="window"/>, when read already.</summary>
    internal bool TryGetRecorded(long storeId, TimeSpan window, string email, out int sent)
    {
        sent = 0;
        return _recorded.TryGetValue((storeId, window), out var counts) && counts.TryGetValue(PersonEmail.Normalize(email), out sent);
    }

    /// <summary>What to read for <paramref name="email"/>: every address of the batch the first time, else this one (its cart changed since).</summary>
    internal IReadOnlyCollection<string> ToRead(long storeId, TimeSpan window, string email) =>
        _recorded.ContainsKey((storeId, window)) ? [PersonEmail.Normalize(email)] : [.. _addresses.Append(PersonEmail.Normalize(email)).Distinct()];

    /// <summary>Keeps what was read for <paramref name="asked"/> (those missing from <paramref name="counts"/> were sent none).</summary>
    internal void SetRecorded(long storeId, TimeSpan window, IEnumerable<string> asked, IReadOnlyDictionary<string, int> counts)
    {
        if (!_recorded.TryGetValue((storeId, window), out var kept))
            _recorded[(storeId, window)] = kept = new(StringComparer.Ordinal);
        foreach (var address in asked)
            kept[address] = counts.GetValueOrDefault(address);
    }

    /// <summary>
    /// An email recorded as sent while the batch is checked (one the provider had accepted before a crash): the
    /// recorded sends read before it do not hold it, so it is added to them.
    /// </summary>
    public void AddRecorded(long storeId, string email)
    {
        var address = PersonEmail.Normalize(email);
        foreach (var ((capStoreId, _), counts) in _recorded)
        {
            if (counts.TryGetValue(address, out var sent) && CapGroups.TryGetValue(capStoreId, out var group) && group.Contains(storeId))
                counts[address] = sent + 1;
        }
    }
}
