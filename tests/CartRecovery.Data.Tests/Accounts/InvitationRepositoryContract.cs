using System.Security.Cryptography;
using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Accounts;

public abstract class InvitationRepositoryContract : DatabaseContract
{
    private IInvitationRepository Invitations => Db.Invitations;

    [Fact]
    public async Task Create_ThenFindOpen_ReturnsTheInvitationWithANormalizedEmail()
    {
        var (account, owner) = await AccountWithOwnerAsync();
        var token = NewHash();

        var created = await Invitations.CreateAsync(Invite(account.Id, " Grace@Example.com") with
        {
            Role = AccountRole.Viewer,
            StoreIds = [7, 8],
            InvitedByUserId = owner.Id,
        }, token, Ct);
        var found = await Invitations.FindOpenAsync(token, Now.AddHours(1), Ct);

        Assert.True(created.Id > 0);
        Assert.NotNull(found);
        Assert.Equal((created.Id, account.Id, "grace@example.com", AccountRole.Viewer, owner.Id, Now, Now.AddDays(7)),
            (found.Id, found.AccountId, found.Email, found.Role, found.InvitedByUserId, found.CreatedAt, found.ExpiresAt));
        Assert.Equal([7L, 8L], found.StoreIds);
        Assert.Equal("grace@example.com", created.Email);
        Assert.Null(await Invitations.FindOpenAsync(NewHash(), Now, Ct));
    }

    [Fact]
    public async Task ListOpen_LeavesOutAcceptedRevokedExpiredAndOtherAccounts()
    {
        var (account, _) = await AccountWithOwnerAsync();
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Merchant, Now, Ct);
        var open = await Invitations.CreateAsync(Invite(account.Id, "open@example.com"), NewHash(), Ct);
        var accepted = await Invitations.CreateAsync(Invite(account.Id, "accepted@example.com"), NewHash(), Ct);
        var revoked = await Invitations.CreateAsync(Invite(account.Id, "revoked@example.com"), NewHash(), Ct);
        await Invitations.CreateAsync(Invite(account.Id, "expired@example.com") with { ExpiresAt = Now.AddHours(1) }, NewHash(), Ct);
        await Invitations.CreateAsync(Invite(other.Id, "elsewhere@example.com"), NewHash(), Ct);
        Assert.True(await Invitations.AcceptAsync(accepted.Id, Now.AddHours(1), Ct));
        Assert.True(await Invitations.RevokeAsync(account.Id, revoked.Id, Now.AddHours(1), Ct));

        var list = await Invitations.ListOpenAsync(account.Id, Now.AddHours(2), Ct);

        Assert.Equal([open.Id], list.Select(i => i.Id));
    }

    [Fact]
    public async Task Accept_WhenOpen_SucceedsOnce_AndTheLinkIsNoLongerOpen()
    {
        var (account, _) = await AccountWithOwnerAsync();
        var token = NewHash();
        var invitation = await Invitations.CreateAsync(Invite(account.Id, "grace@example.com"), token, Ct);

        Assert.True(await Invitations.AcceptAsync(invitation.Id, Now.AddHours(1), Ct));
        Assert.False(await Invitations.AcceptAsync(invitation.Id, Now.AddHours(2), Ct));
        Assert.Null(await Invitations.FindOpenAsync(token, Now.AddHours(2), Ct));
        Assert.False(await Invitations.RevokeAsync(account.Id, invitation.Id, Now.AddHours(3), Ct));
    }

    [Fact]
    public async Task Accept_WhenTwoAcceptancesRace_ExactlyOneWins()
    {
        var (account, _) = await AccountWithOwnerAsync();
        for (var round = 0; round < 5; round++)
        {
            var invitation = await Invitations.CreateAsync(Invite(account.Id, $"guest{round}@example.com"), NewHash(), Ct);

            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                Task.Run(() => Invitations.AcceptAsync(invitation.Id, Now.AddHours(1), Ct), Ct)));

            Assert.Single(results, accepted => accepted);
        }
    }

    [Fact]
    public async Task Accept_WhenExpiredOrRevoked_Fails()
    {
        var (account, _) = await AccountWithOwnerAsync();
        var expiring = await Invitations.CreateAsync(Invite(account.Id, "late@example.com") with { ExpiresAt = Now.AddHours(1) }, NewHash(), Ct);
        var revoked = await Invitations.CreateAsync(Invite(account.Id, "revoked@example.com"), NewHash(), Ct);
        await Invitations.RevokeAsync(account.Id, revoked.Id, Now, Ct);

        Assert.False(await Invitations.AcceptAsync(expiring.Id, Now.AddHours(1), Ct));
        Assert.False(await Invitations.AcceptAsync(revoked.Id, Now.AddMinutes(1), Ct));
        Assert.False(await Invitations.AcceptAsync(404, Now, Ct));
    }

    [Fact]
    public async Task Revoke_WhenAnotherAccountsInvitation_ReturnsFalseAndChangesNothing()
    {
        var (account, _) = await AccountWithOwnerAsync();
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Merchant, Now, Ct);
        var token = NewHash();
        var invitation = await Invitations.CreateAsync(Invite(account.Id, "grace@example.com"), token, Ct);

        Assert.False(await Invitations.RevokeAsync(other.Id, invitation.Id, Now, Ct));
        Assert.NotNull(await Invitations.FindOpenAsync(token, Now, Ct));
        Assert.True(await Invitations.RevokeAsync(account.Id, invitation.Id, Now, Ct));
        Assert.False(await Invitations.RevokeAsync(account.Id, invitation.Id, Now, Ct));
        Assert.Null(await Invitations.FindOpenAsync(token, Now, Ct));
    }

    [Fact]
    public async Task PurgeExpired_DeletesInvitationsExpiredBeforeNow()
    {
        var (account, _) = await AccountWithOwnerAsync();
        await Invitations.CreateAsync(Invite(account.Id, "old@example.com") with { ExpiresAt = Now.AddDays(1) }, NewHash(), Ct);
        var live = await Invitations.CreateAsync(Invite(account.Id, "new@example.com") with { ExpiresAt = Now.AddDays(3) }, NewHash(), Ct);

        Assert.Equal(1, await Invitations.PurgeExpiredAsync(Now.AddDays(2), Ct));
        Assert.Equal([live.Id], await Db.QueryAsync<long>("SELECT id FROM invitations"));
    }

    private async Task<(Account Account, User Owner)> AccountWithOwnerAsync()
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var owner = await Db.Accounts.GetOrCreateUserByEmailAsync("ada@example.com", Now, Ct);
        return (account, owner);
    }

    private static Invitation Invite(long accountId, string email) =>
        new() { AccountId = accountId, Email = email, Role = AccountRole.Member, CreatedAt = Now, ExpiresAt = Now.AddDays(7) };

    private static byte[] NewHash() => SHA256.HashData(RandomNumberGenerator.GetBytes(32));
}
