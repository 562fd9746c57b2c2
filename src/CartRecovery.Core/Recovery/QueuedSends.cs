namespace CartRecovery.Core.Recovery;

/// <summary>
/// Emails a dispatcher has queued in its batch but not recorded as sent yet. The plan allowance and the frequency cap
/// count recorded sends; they count these too, so a batch cannot take a store past its plan or a customer past the cap.
/// </summary>
public sealed class QueuedSends
{
    private readonly Dictionary<long, int> _byStore = [];
    private readonly Dictionary<(long StoreId, string Email), int> _byAddress = [];

    public void Add(long storeId, string email)
    {
        _byStore[storeId] = OfStore(storeId) + 1;
        var key = (storeId, Normalize(email));
        _byAddress[key] = _byAddress.GetValueOrDefault(key) + 1;
    }

    public int OfStore(long storeId) => _byStore.GetValueOrDefault(storeId);

    /// <summary>Queued to <paramref name="email"/> (matched trimmed and ignoring case, as recorded sends are) by any of <paramref name="storeIds"/>.</summary>
    public int ToAddress(IEnumerable<long> storeIds, string email)
    {
        ArgumentNullException.ThrowIfNull(storeIds);
        var address = Normalize(email);
        return storeIds.Sum(id => _byAddress.GetValueOrDefault((id, address)));
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
