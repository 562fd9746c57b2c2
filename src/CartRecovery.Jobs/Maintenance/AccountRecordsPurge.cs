using CartRecovery.Core.Accounts;
using Microsoft.Extensions.Options;

namespace CartRecovery.Jobs.Maintenance;

/// <summary>
/// What accounts keep only for a while: expired sessions, sign-in links and invitations, and audit entries older than
/// <see cref="AccountsOptions.AuditRetentionDays"/>. Run by <see cref="PurgeExpiredDataJob"/>.
/// </summary>
public sealed class AccountRecordsPurge(
    ISessionRepository sessions,
    ISignInLinkRepository signInLinks,
    IInvitationRepository invitations,
    IAuditLog audit,
    IOptions<AccountsOptions> options)
{
    /// <summary>
    /// How long a sign-in link outlives its expiry: the rate limits count the links requested per address and per client
    /// in a recent window, used and expired ones included, so they must still be there to be counted.
    /// </summary>
    public static readonly TimeSpan KeepSignInLinksFor = TimeSpan.FromDays(1);

    public async Task<PurgedAccountRecords> PurgeAsync(DateTimeOffset now, CancellationToken ct) => new(
        await sessions.PurgeExpiredAsync(now, ct),
        await signInLinks.PurgeExpiredAsync(now - KeepSignInLinksFor, ct),
        await invitations.PurgeExpiredAsync(now, ct),
        await audit.PurgeAsync(now.AddDays(-options.Value.AuditRetentionDays), ct));
}
