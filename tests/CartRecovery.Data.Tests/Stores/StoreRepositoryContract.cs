using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Stores;
using Microsoft.Extensions.Time.Testing;
using static CartRecovery.Data.Tests.ContractData;

namespace CartRecovery.Data.Tests.Stores;

public abstract class StoreRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Upsert_WhenNew_AssignsAnIdAndKeepsEveryField()
    {
        var store = Store("shop-1", TimeSpan.FromMinutes(42), "CHF") with { Sequence = "demo" };

        var saved = await Db.Stores.UpsertAsync(store, Ct);

        Assert.True(saved.Id > 0);
        Assert.NotNull(saved.PublicKey);
        Assert.Equal(store with { Id = saved.Id, PublicKey = saved.PublicKey, AccountId = saved.AccountId }, saved);
        Assert.Equal(saved, await Db.Stores.GetAsync(saved.Id, Ct));
        Assert.Equal(saved, await Db.Stores.FindAsync(Platforms.Demo, "shop-1", Ct));
    }

    [Fact]
    public async Task Upsert_WhenPlatformAndExternalIdExist_UpdatesInPlaceKeepingIdAndCreatedAt()
    {
        var first = await Db.Stores.UpsertAsync(Store("shop-1"), Ct);
        var changed = Store("shop-1", TimeSpan.FromHours(1)) with { Name = "Renamed", SenderName = "Team", CreatedAt = Now };

        var second = await Db.Stores.UpsertAsync(changed, Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(("Renamed", "Team", TimeSpan.FromHours(1)), (second.Name, second.SenderName, second.AbandonAfter));
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM stores"));
    }

    [Fact]
    public async Task Upsert_WhenSameExternalIdOnAnotherPlatform_CreatesAnotherStore()
    {
        var demo = await Db.Stores.UpsertAsync(Store("shop-1"), Ct);

        var shopify = await Db.Stores.UpsertAsync(Store("shop-1", platform: Platforms.Shopify), Ct);

        Assert.NotEqual(demo.Id, shopify.Id);
        Assert.Equal(2, (await Db.Stores.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Get_WhenStoreIsUnknown_ReturnsNull()
    {
        Assert.Null(await Db.Stores.GetAsync(404, Ct));
        Assert.Null(await Db.Stores.FindAsync(Platforms.Shopify, "nope", Ct));
        Assert.Empty(await Db.Stores.ListAsync(Ct));
    }

    [Fact]
    public async Task GetRecent_RemembersTheStoreForAFewSecondsButShowsItsOwnSavesAtOnce()
    {
        var clock = new FakeTimeProvider(Now);
        var stores = new StoreRepository(Db.Connections, Db.Dialect, clock);
        var saved = await stores.UpsertAsync(Store("shop-1"), Ct);
        Assert.Equal(saved, await stores.GetRecentAsync(saved.Id, Ct));

        // A change made elsewhere (another process) shows once the store is no longer remembered ...
        await Db.ExecuteAsync("UPDATE stores SET name = 'Elsewhere' WHERE id = @Id", new { saved.Id });
        var remembered = await stores.GetRecentAsync(saved.Id, Ct);
        clock.Advance(StoreRepository.RecentFor);
        var reread = await stores.GetRecentAsync(saved.Id, Ct);
        // ... its own save at once.
        var renamed = await stores.UpsertAsync(Store("shop-1") with { Name = "Renamed" }, Ct);
        var afterSave = await stores.GetRecentAsync(saved.Id, Ct);

        Assert.Equal((saved.Name, "Elsewhere", "Renamed"), (remembered?.Name, reread?.Name, afterSave?.Name));
        Assert.Equal(renamed, afterSave);
        Assert.Null(await stores.GetRecentAsync(404, Ct));
    }

    [Fact]
    public async Task Upsert_WhenNewWithoutAccount_CreatesAMerchantAccountNamedAfterTheStore()
    {
        var saved = await Db.Stores.UpsertAsync(Store("shop-1") with { Name = "Café Ada" }, Ct);

        var account = await Db.Accounts.GetAsync(saved.AccountId!.Value, Ct);

        Assert.Equal(new Account { Id = saved.AccountId.Value, Name = "Café Ada", Kind = AccountKind.Merchant, CreatedAt = saved.CreatedAt }, account);
        Assert.Equal(saved, await Db.Stores.GetAsync(saved.Id, Ct));
    }

    [Fact]
    public async Task Upsert_WhenUpdatedWithoutAccount_KeepsTheStoresAccount()
    {
        var first = await Db.Stores.UpsertAsync(Store("shop-1"), Ct);
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);
        await Db.Accounts.AssignStoreAsync(first.Id, agency.Id, Ct);

        var second = await Db.Stores.UpsertAsync(Store("shop-1") with { Name = "Renamed" }, Ct);

        Assert.Equal(agency.Id, second.AccountId);
        // The account made for the shop went when it moved; the update made no new one.
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM accounts"));
    }

    [Fact]
    public async Task Upsert_WhenGivenAnAccount_SavesTheStoreInIt()
    {
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);
        var other = await Db.Accounts.CreateAsync("Other", AccountKind.Merchant, Now, Ct);

        var created = await Db.Stores.UpsertAsync(Store("shop-1") with { AccountId = agency.Id }, Ct);
        var moved = await Db.Stores.UpsertAsync(Store("shop-1") with { AccountId = other.Id }, Ct);

        Assert.Equal((agency.Id, other.Id), (created.AccountId, moved.AccountId));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM accounts"));
    }

    [Fact]
    public async Task Upsert_WhenTheSameNewStoreIsSavedConcurrently_CreatesOneStoreInOneAccount()
    {
        var saved = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Db.Stores.UpsertAsync(Store("shop-1"), Ct), Ct)));

        Assert.Single(saved.Select(s => (s.Id, s.AccountId)).Distinct());
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM accounts"));
    }

    [Fact]
    public async Task ListForAccount_ReturnsOnlyThatAccountsStoresByName()
    {
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);
        var zeta = await Db.Stores.UpsertAsync(Store("zeta") with { AccountId = agency.Id }, Ct);
        var alpha = await Db.Stores.UpsertAsync(Store("alpha") with { AccountId = agency.Id }, Ct);
        var alone = await Db.Stores.UpsertAsync(Store("alone"), Ct);

        Assert.Equal([alpha.Id, zeta.Id], (await Db.Stores.ListForAccountAsync(agency.Id, Ct)).Select(s => s.Id));
        Assert.Equal([alone.Id], (await Db.Stores.ListForAccountAsync(alone.AccountId!.Value, Ct)).Select(s => s.Id));
        Assert.Empty(await Db.Stores.ListForAccountAsync(404, Ct));
    }
}
