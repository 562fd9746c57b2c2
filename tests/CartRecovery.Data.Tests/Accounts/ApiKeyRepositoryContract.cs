using System.Data.Common;
using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Accounts;

public abstract class ApiKeyRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Create_ThenFindByPrefix_ReturnsTheKeyAndItsSecretHash()
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var user = await Db.Accounts.GetOrCreateUserByEmailAsync("ada@example.com", Now, Ct);
        var token = ApiKeyToken.New();
        var key = Key(account.Id, token.Prefix) with { StoreIds = [4, 2], CreatedByUserId = user.Id, ExpiresAt = Now.AddDays(90) };

        var created = await Db.ApiKeys.CreateAsync(key, token.SecretHash(), Ct);
        var found = await Db.ApiKeys.FindByPrefixAsync(token.Prefix, Ct);

        Assert.True(created.Id > 0);
        Assert.NotNull(found);
        var (stored, hash) = found.Value;
        Assert.Equal(created with { StoreIds = null }, stored with { StoreIds = null });
        Assert.Equal([4L, 2L], stored.StoreIds);
        Assert.Equal((AccountRole.Member, user.Id, Now.AddDays(90)), (stored.Role, stored.CreatedByUserId, stored.ExpiresAt));
        Assert.True(token.Matches(hash));
        Assert.False(ApiKeyToken.New().Matches(hash));
    }

    [Fact]
    public async Task FindByPrefix_WhenTheKeyIsRevokedOrExpired_StillFindsIt()
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var revoked = await Db.ApiKeys.CreateAsync(Key(account.Id, "revokedkey01"), [1, 2, 3], Ct);
        await Db.ApiKeys.CreateAsync(Key(account.Id, "expiredkey01") with { ExpiresAt = Now.AddMinutes(1) }, [4, 5, 6], Ct);
        Assert.True(await Db.ApiKeys.RevokeAsync(account.Id, revoked.Id, Now.AddMinutes(5), Ct));

        var foundRevoked = await Db.ApiKeys.FindByPrefixAsync("revokedkey01", Ct);
        var foundExpired = await Db.ApiKeys.FindByPrefixAsync("expiredkey01", Ct);

        Assert.Equal(Now.AddMinutes(5), foundRevoked!.Value.Key.RevokedAt);
        Assert.False(foundRevoked.Value.Key.IsUsableAt(Now.AddMinutes(6)));
        Assert.False(foundExpired!.Value.Key.IsUsableAt(Now.AddMinutes(6)));
        Assert.Equal([4, 5, 6], foundExpired.Value.SecretHash);
    }

    [Fact]
    public async Task FindByPrefix_WhenUnknown_ReturnsNull()
    {
        Assert.Null(await Db.ApiKeys.FindByPrefixAsync("nosuchprefix", Ct));
    }

    [Fact]
    public async Task Create_WhenThePrefixIsTaken_FailsAsAUniqueViolation()
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        await Db.ApiKeys.CreateAsync(Key(account.Id, "sameprefix01"), [1], Ct);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => Db.ApiKeys.CreateAsync(Key(account.Id, "sameprefix01"), [2], Ct));

        Assert.True(Db.Dialect.IsUniqueViolation(error));
    }

    [Fact]
    public async Task List_ReturnsTheAccountsKeysNewestFirst()
    {
        var acme = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Merchant, Now, Ct);
        var older = await Db.ApiKeys.CreateAsync(Key(acme.Id, "olderkey0001"), [1], Ct);
        var newer = await Db.ApiKeys.CreateAsync(Key(acme.Id, "newerkey0001") with { CreatedAt = Now.AddDays(1) }, [2], Ct);
        await Db.ApiKeys.CreateAsync(Key(other.Id, "otherkey0001"), [3], Ct);

        Assert.Equal([newer.Id, older.Id], (await Db.ApiKeys.ListAsync(acme.Id, Ct)).Select(k => k.Id));
        Assert.Empty(await Db.ApiKeys.ListAsync(404, Ct));
    }

    [Fact]
    public async Task Revoke_WhenAnotherAccountsKeyOrRevokedAlready_ReturnsFalseAndChangesNothing()
    {
        var acme = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Merchant, Now, Ct);
        var key = await Db.ApiKeys.CreateAsync(Key(acme.Id, "acmekey00001"), [1], Ct);

        Assert.False(await Db.ApiKeys.RevokeAsync(other.Id, key.Id, Now, Ct));
        Assert.True(await Db.ApiKeys.RevokeAsync(acme.Id, key.Id, Now.AddHours(1), Ct));
        Assert.False(await Db.ApiKeys.RevokeAsync(acme.Id, key.Id, Now.AddHours(2), Ct));
        Assert.False(await Db.ApiKeys.RevokeAsync(acme.Id, 404, Now, Ct));

        Assert.Equal(Now.AddHours(1), (await Db.ApiKeys.FindByPrefixAsync("acmekey00001", Ct))!.Value.Key.RevokedAt);
    }

    [Fact]
    public async Task Touch_RecordsTheLastUse_AndNeverMovesItBack()
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var key = await Db.ApiKeys.CreateAsync(Key(account.Id, "touchedkey01"), [1], Ct);

        await Db.ApiKeys.TouchAsync(key.Id, Now.AddMinutes(10), Ct);
        await Db.ApiKeys.TouchAsync(key.Id, Now.AddMinutes(3), Ct);

        Assert.Equal(Now.AddMinutes(10), (await Db.ApiKeys.FindByPrefixAsync("touchedkey01", Ct))!.Value.Key.LastUsedAt);
    }

    private static ApiKey Key(long accountId, string prefix) =>
        new() { AccountId = accountId, Name = $"key {prefix}", Prefix = prefix, Role = AccountRole.Member, CreatedAt = Now };
}
