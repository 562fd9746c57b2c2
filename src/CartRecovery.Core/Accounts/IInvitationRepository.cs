namespace CartRecovery.Core.Accounts;

/// <summary>Invitations; the link's token is stored as its SHA-256 only.</summary>
public interface IInvitationRepository
{
    Task<Invitation> CreateAsync(Invitation invitation, byte[] tokenHash, CancellationToken ct);

    /// <summary>Open invitations of the account (not accepted, not revoked, not expired at <paramref name="now"/>).</summary>
    Task<IReadOnlyList<Invitation>> ListOpenAsync(long accountId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The open invitation behind a link, without using it up.</summary>
    Task<Invitation?> FindOpenAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>Marks the invitation accepted, once (atomically); false when it was no longer open.</summary>
    Task<bool> AcceptAsync(long invitationId, DateTimeOffset now, CancellationToken ct);

    Task<bool> RevokeAsync(long accountId, long invitationId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Deletes invitations that expired before <paramref name="now"/>, accepted or not. Returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct);
}
