namespace CartRecovery.Core.Accounts;

public interface ISessionRepository
{
    Task CreateAsync(UserSession session, CancellationToken ct);

    Task<UserSession?> FindAsync(byte[] tokenHash, CancellationToken ct);

    /// <summary>Records activity (callers may skip it when the last one is recent).</summary>
    Task TouchAsync(byte[] tokenHash, DateTimeOffset at, CancellationToken ct);

    Task SwitchAccountAsync(byte[] tokenHash, long accountId, CancellationToken ct);

    Task DeleteAsync(byte[] tokenHash, CancellationToken ct);

    /// <summary>Signs the person out everywhere. Returns how many sessions ended.</summary>
    Task<int> DeleteForUserAsync(long userId, CancellationToken ct);

    /// <summary>Deletes sessions expired before <paramref name="now"/>. Returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct);
}
