namespace CartRecovery.Core.Stores;

/// <summary>
/// One-time ids for connection flows that round-trip through the platform (WooCommerce's key authorization): the id
/// goes out with the request, comes back with the keys, and is accepted once, before it expires.
/// </summary>
public interface IPendingConnectionStore
{
    Task CreateAsync(string id, string platform, string payload, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>The payload, if the id exists, is unexpired and unused; the id is used up by this call either way.</summary>
    Task<string?> ConsumeAsync(string id, string platform, DateTimeOffset now, CancellationToken ct);
}
