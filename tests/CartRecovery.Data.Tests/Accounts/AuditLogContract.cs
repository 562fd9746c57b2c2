using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Accounts;

public abstract class AuditLogContract : DatabaseContract
{
    [Fact]
    public async Task Append_ThenList_ReturnsEveryFieldNewestFirst()
    {
        var store = await AddStoreAsync();
        var accountId = store.AccountId!.Value;
        var user = await Db.Accounts.GetOrCreateUserByEmailAsync("ada@example.com", Now, Ct);
        var first = Entry(accountId, Now) with { StoreId = store.Id, Actor = Actor.ForUser(user), Before = """{"name":"A"}""", After = """{"name":"B"}""" };
        var second = Entry(accountId, Now.AddMinutes(1)) with { Actor = Actor.Operator, Action = "key.create", Target = "key:3" };

        await Db.Audit.AppendAsync(first, Ct);
        await Db.Audit.AppendAsync(second, Ct);
        var listed = await Db.Audit.ListAsync(accountId, 0, 10, Ct);

        Assert.Equal(2, listed.Count);
        Assert.Equal(second with { Id = listed[0].Id }, listed[0]);
        Assert.Equal(first with { Id = listed[1].Id }, listed[1]);
        Assert.Equal(new Actor(ActorKind.User, user.Id, "ada@example.com"), listed[1].Actor);
    }

    [Fact]
    public async Task List_PagesTheAccountsEntriesOnly_SameInstantByIdDescending()
    {
        var acme = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Merchant, Now, Ct);
        foreach (var minute in new[] { 3, 1, 2, 2 })
            await Db.Audit.AppendAsync(Entry(acme.Id, Now.AddMinutes(minute)) with { Target = $"store:{minute}" }, Ct);
        await Db.Audit.AppendAsync(Entry(other.Id, Now.AddMinutes(9)), Ct);

        var page1 = await Db.Audit.ListAsync(acme.Id, 0, 2, Ct);
        var page2 = await Db.Audit.ListAsync(acme.Id, 2, 2, Ct);

        Assert.Equal([Now.AddMinutes(3), Now.AddMinutes(2)], page1.Select(e => e.At));
        Assert.Equal([Now.AddMinutes(2), Now.AddMinutes(1)], page2.Select(e => e.At));
        Assert.True(page1[1].Id > page2[0].Id);
        Assert.Empty(await Db.Audit.ListAsync(acme.Id, 4, 2, Ct));
    }

    [Fact]
    public async Task Purge_DeletesEntriesOlderThanTheCutoff()
    {
        var acme = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        await Db.Audit.AppendAsync(Entry(acme.Id, Now.AddDays(-400)), Ct);
        await Db.Audit.AppendAsync(Entry(acme.Id, Now.AddDays(-366)), Ct);
        await Db.Audit.AppendAsync(Entry(acme.Id, Now.AddDays(-10)), Ct);

        Assert.Equal(2, await Db.Audit.PurgeAsync(Now.AddDays(-365), Ct));
        Assert.Equal([Now.AddDays(-10)], (await Db.Audit.ListAsync(acme.Id, 0, 10, Ct)).Select(e => e.At));
    }

    private static AuditEntry Entry(long accountId, DateTimeOffset at) =>
        new() { AccountId = accountId, At = at, Actor = Actor.System, Action = "store.settings", Target = "store:1" };
}
