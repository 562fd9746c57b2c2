namespace CartRecovery.Core.Stores;

/// <summary>
/// One-time ids for connection flows that round-trip through the platform (WooCommerce's key authorization): the id
/// goes out with the request, comes back with the keys, and is accepted once, before it expires.
/// </summary>
public interface IPendingConnectionRepository
{
    /// <summary>
    /// Purges expired ids, then creates this one unless <paramref name="maxPending"/> unexpired ids of the platform are
    /// waiting already (anyone can start a connection: the table must stay bounded). False when the cap was reached.
    /// </summary>
    Task<bool> TryCreateAsync(string id, string platform, string payload, DateTimeOffset now, DateTimeOffset expiresAt, int maxPending,
        CancellationToken ct);

    /// <summary>The payload, if the id exists, is unexpired and unused; the id is used up by this call either way.</summary>
    Task<string?> ConsumeAsync(string id, string platform, DateTimeOffset now, CancellationToken ct);
}
