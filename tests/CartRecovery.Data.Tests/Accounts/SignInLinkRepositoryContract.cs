using System.Security.Cryptography;
using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Accounts;

public abstract class SignInLinkRepositoryContract : DatabaseContract
{
    private ISignInLinkRepository Links => Db.SignInLinks;

    [Fact]
    public async Task Consume_WhenUnusedAndUnexpired_ReturnsTheNormalizedEmailOnce()
    {
        var token = NewHash();
        await Links.CreateAsync(token, "  Ada@Example.COM ", "203.0.113.7", Now, Now.AddMinutes(15), Ct);

        var first = await Links.ConsumeAsync(token, Now.AddMinutes(1), Ct);
        var second = await Links.ConsumeAsync(token, Now.AddMinutes(2), Ct);

        Assert.Equal("ada@example.com", first);
        Assert.Null(second);
    }

    [Fact]
    public async Task Consume_WhenExpiredOrUnknown_ReturnsNull()
    {
        var token = NewHash();
        await Links.CreateAsync(token, "ada@example.com", null, Now, Now.AddMinutes(15), Ct);

        Assert.Null(await Links.ConsumeAsync(token, Now.AddMinutes(15), Ct));
        Assert.Null(await Links.ConsumeAsync(NewHash(), Now, Ct));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM sign_in_links WHERE used_at IS NOT NULL"));
    }

    [Fact]
    public async Task Consume_WhenTwoUsesRace_ExactlyOneWins()
    {
        for (var round = 0; round < 5; round++)
        {
            var token = NewHash();
            await Links.CreateAsync(token, "ada@example.com", null, Now, Now.AddMinutes(15), Ct);

            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Links.ConsumeAsync(token, Now.AddMinutes(1), Ct), Ct)));

            Assert.Single(results, r => r is not null);
        }
    }

    [Fact]
    public async Task Counts_CountLinksRequestedSinceThenPerEmailAndPerAddress()
    {
        await Links.CreateAsync(NewHash(), "ada@example.com", "203.0.113.7", Now, Now.AddMinutes(15), Ct);
        await Links.CreateAsync(NewHash(), "ADA@example.com", "198.51.100.1", Now.AddMinutes(10), Now.AddMinutes(25), Ct);
        await Links.CreateAsync(NewHash(), "grace@example.com", "203.0.113.7", Now.AddMinutes(20), Now.AddMinutes(35), Ct);

        Assert.Equal(2, await Links.CountForEmailSinceAsync(" Ada@Example.com", Now, Ct));
        Assert.Equal(1, await Links.CountForEmailSinceAsync("ada@example.com", Now.AddMinutes(5), Ct));
        Assert.Equal(2, await Links.CountFromSinceAsync("203.0.113.7", Now, Ct));
        Assert.Equal(1, await Links.CountFromSinceAsync("203.0.113.7", Now.AddMinutes(1), Ct));
        Assert.Equal(0, await Links.CountFromSinceAsync("192.0.2.1", Now, Ct));
    }

    [Fact]
    public async Task PurgeExpired_DeletesLinksExpiredBeforeNow_UsedOrNot()
    {
        var used = NewHash();
        await Links.CreateAsync(used, "ada@example.com", null, Now, Now.AddMinutes(15), Ct);
        await Links.ConsumeAsync(used, Now.AddMinutes(1), Ct);
        await Links.CreateAsync(NewHash(), "ada@example.com", null, Now, Now.AddMinutes(15), Ct);
        var live = NewHash();
        await Links.CreateAsync(live, "ada@example.com", null, Now.AddMinutes(10), Now.AddMinutes(25), Ct);

        Assert.Equal(2, await Links.PurgeExpiredAsync(Now.AddMinutes(20), Ct));
        Assert.Equal("ada@example.com", await Links.ConsumeAsync(live, Now.AddMinutes(21), Ct));
    }

    private static byte[] NewHash() => SHA256.HashData(RandomNumberGenerator.GetBytes(32));
}
