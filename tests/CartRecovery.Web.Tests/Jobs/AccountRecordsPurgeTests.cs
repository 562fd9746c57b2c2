using CartRecovery.Core.Accounts;
using CartRecovery.Jobs.Maintenance;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>The retention purge also clears what accounts keep only for a while, on a real SQLite file with a fake clock.</summary>
public sealed class AccountRecordsPurgeTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new(settings: new Dictionary<string, string?> { ["Accounts:AuditRetentionDays"] = "30" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Purge_DeletesExpiredSessionsLinksAndInvitations_AndAuditEntriesPastTheSetting()
    {
        var store = await _app.DemoStoreAsync();
        var accountId = store.AccountId!.Value;
        var now = _app.Time.GetUtcNow();
        var user = await _app.Service<IAccountRepository>().GetOrCreateUserByEmailAsync("ada@example.com", now, Ct);
        var sessions = _app.Service<ISessionRepository>();
        await sessions.CreateAsync(Session([1], user.Id, now.AddDays(-20), expiresAt: now.AddMinutes(-1)), Ct);
        await sessions.CreateAsync(Session([2], user.Id, now.AddDays(-1), expiresAt: now.AddDays(1)), Ct);
        var links = _app.Service<ISignInLinkRepository>();
        await links.CreateAsync([3], "ada@example.com", "203.0.113.7", now.AddDays(-2), now.AddDays(-2).AddMinutes(15), Ct);
        // Expired, but the rate limits still count it.
        await links.CreateAsync([4], "ada@example.com", "203.0.113.7", now.AddHours(-2), now.AddHours(-2).AddMinutes(15), Ct);
        var invitations = _app.Service<IInvitationRepository>();
        await invitations.CreateAsync(Invite(accountId, now.AddDays(-10), expiresAt: now.AddDays(-3)), [5], Ct);
        var open = await invitations.CreateAsync(Invite(accountId, now.AddDays(-1), expiresAt: now.AddDays(6)), [6], Ct);
        var audit = _app.Service<IAuditLog>();
        await audit.AppendAsync(Audited(accountId, now.AddDays(-31)), Ct);
        await audit.AppendAsync(Audited(accountId, now.AddDays(-29)), Ct);
        var job = ActivatorUtilities.CreateInstance<PurgeExpiredDataJob>(_app.Services);

        await job.PurgeAsync(Ct);

        Assert.Null(await sessions.FindAsync([1], Ct));
        Assert.NotNull(await sessions.FindAsync([2], Ct));
        Assert.Equal(1, await links.CountFromSinceAsync("203.0.113.7", now.AddDays(-3), Ct));
        Assert.Equal([open.Id], (await invitations.ListOpenAsync(accountId, now, Ct)).Select(i => i.Id));
        Assert.Null(await invitations.FindOpenAsync([5], now.AddDays(-4), Ct));
        Assert.Equal([now.AddDays(-29)], (await audit.ListAsync(accountId, 0, 10, Ct)).Select(e => e.At));
    }

    private static UserSession Session(byte[] tokenHash, long userId, DateTimeOffset createdAt, DateTimeOffset expiresAt) =>
        new() { TokenHash = tokenHash, UserId = userId, CreatedAt = createdAt, LastSeenAt = createdAt, ExpiresAt = expiresAt };

    private static Invitation Invite(long accountId, DateTimeOffset createdAt, DateTimeOffset expiresAt) =>
        new() { AccountId = accountId, Email = "grace@example.com", Role = AccountRole.Member, CreatedAt = createdAt, ExpiresAt = expiresAt };

    private static AuditEntry Audited(long accountId, DateTimeOffset at) =>
        new() { AccountId = accountId, At = at, Actor = Actor.Operator, Action = "store.settings", Target = "store:1" };
}
