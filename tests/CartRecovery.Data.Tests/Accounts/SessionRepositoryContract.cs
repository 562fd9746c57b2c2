using System.Security.Cryptography;
using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Accounts;

public abstract class SessionRepositoryContract : DatabaseContract
{
    private ISessionRepository Sessions => Db.Sessions;

    [Fact]
    public async Task Create_ThenFind_ReturnsTheSession()
    {
        var (user, account) = await UserInAccountAsync();
        var session = Session(user.Id, account.Id);

        await Sessions.CreateAsync(session, Ct);
        var found = await Sessions.FindAsync(session.TokenHash, Ct);

        Assert.NotNull(found);
        Assert.Equal(session.TokenHash, found.TokenHash);
        Assert.Equal(session with { TokenHash = found.TokenHash }, found);
        Assert.Null(await Sessions.FindAsync(RandomNumberGenerator.GetBytes(32), Ct));
    }

    [Fact]
    public async Task Touch_RecordsActivity_AndNeverMovesItBack()
    {
        var (user, account) = await UserInAccountAsync();
        var session = Session(user.Id, account.Id);
        await Sessions.CreateAsync(session, Ct);

        await Sessions.TouchAsync(session.TokenHash, Now.AddMinutes(20), Ct);
        await Sessions.TouchAsync(session.TokenHash, Now.AddMinutes(5), Ct);

        Assert.Equal(Now.AddMinutes(20), (await Sessions.FindAsync(session.TokenHash, Ct))!.LastSeenAt);
    }

    [Fact]
    public async Task SwitchAccount_ChangesTheAccountWorkedIn()
    {
        var (user, account) = await UserInAccountAsync();
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Agency, Now, Ct);
        var session = Session(user.Id, null);
        await Sessions.CreateAsync(session, Ct);

        await Sessions.SwitchAccountAsync(session.TokenHash, account.Id, Ct);
        var first = (await Sessions.FindAsync(session.TokenHash, Ct))!.AccountId;
        await Sessions.SwitchAccountAsync(session.TokenHash, other.Id, Ct);

        Assert.Equal((account.Id, other.Id), (first, (await Sessions.FindAsync(session.TokenHash, Ct))!.AccountId));
    }

    [Fact]
    public async Task Delete_EndsOnlyThatSession_AndDeleteForUser_EndsEveryOneOfThePerson()
    {
        var (ada, account) = await UserInAccountAsync();
        var grace = await Db.Accounts.GetOrCreateUserByEmailAsync("grace@example.com", Now, Ct);
        var (phone, laptop, tablet, graces) = (Session(ada.Id, account.Id), Session(ada.Id, account.Id), Session(ada.Id, null), Session(grace.Id, null));
        foreach (var session in new[] { phone, laptop, tablet, graces })
            await Sessions.CreateAsync(session, Ct);

        await Sessions.DeleteAsync(phone.TokenHash, Ct);
        var ended = await Sessions.DeleteForUserAsync(ada.Id, Ct);

        Assert.Equal(2, ended);
        Assert.Null(await Sessions.FindAsync(laptop.TokenHash, Ct));
        Assert.NotNull(await Sessions.FindAsync(graces.TokenHash, Ct));
        Assert.Equal(0, await Sessions.DeleteForUserAsync(ada.Id, Ct));
    }

    [Fact]
    public async Task PurgeExpired_DeletesOnlySessionsExpiredBeforeNow()
    {
        var (user, account) = await UserInAccountAsync();
        var expired = Session(user.Id, account.Id) with { ExpiresAt = Now.AddDays(1) };
        var live = Session(user.Id, account.Id) with { ExpiresAt = Now.AddDays(3) };
        await Sessions.CreateAsync(expired, Ct);
        await Sessions.CreateAsync(live, Ct);

        Assert.Equal(1, await Sessions.PurgeExpiredAsync(Now.AddDays(2), Ct));
        Assert.Null(await Sessions.FindAsync(expired.TokenHash, Ct));
        Assert.NotNull(await Sessions.FindAsync(live.TokenHash, Ct));
    }

    private async Task<(User User, Account Account)> UserInAccountAsync()
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var user = await Db.Accounts.GetOrCreateUserByEmailAsync("ada@example.com", Now, Ct);
        return (user, account);
    }

    private static UserSession Session(long userId, long? accountId) => new()
    {
        TokenHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32)),
        UserId = userId,
        AccountId = accountId,
        CreatedAt = Now,
        LastSeenAt = Now,
        ExpiresAt = Now.AddDays(14),
    };
}
