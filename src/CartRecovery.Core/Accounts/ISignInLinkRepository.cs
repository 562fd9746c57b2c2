namespace CartRecovery.Core.Accounts;

/// <summary>Single-use email sign-in links; only the SHA-256 of the link's token is stored.</summary>
public interface ISignInLinkRepository
{
    Task CreateAsync(byte[] tokenHash, string email, string? requestedFrom, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>
    /// The (normalized) email the link was made for, if it exists, is unused and unexpired; the link is used up by this
    /// call (atomically: two concurrent uses cannot both succeed).
    /// </summary>
    Task<string?> ConsumeAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>How many links were requested for this email since then (rate limit per address).</summary>
    Task<int> CountForEmailSinceAsync(string email, DateTimeOffset since, CancellationToken ct);

    /// <summary>How many links were requested from this address (IP) since then (rate limit per client).</summary>
    Task<int> CountFromSinceAsync(string requestedFrom, DateTimeOffset since, CancellationToken ct);

    /// <summary>Deletes links that expired before <paramref name="now"/>. Returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct);
}
