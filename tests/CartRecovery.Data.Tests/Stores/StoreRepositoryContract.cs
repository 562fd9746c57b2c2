using CartRecovery.Core.Stores;
using static CartRecovery.Data.Tests.TestData;

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
        Assert.Equal(store with { Id = saved.Id, PublicKey = saved.PublicKey }, saved);
        Assert.Equal(saved, await Db.Stores.GetAsync(saved.Id, Ct));
        Assert.Equal(saved, await Db.Stores.FindAsync(Platforms.Demo, "shop-1", Ct));
    }

    [Fact]
    public async Task Upsert_WhenPlatformAndExternalIdExist_UpdatesInPlaceKeepingIdAndCreatedAt()
    {
        var first = await Db.Stores.UpsertAsync(Store("shop-1"), Ct);
        var changed = Store("shop-1", TimeSpan.FromHours(1)) with { Name = "Renamed", SenderName = "Team", CreatedAt = T0 };

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
}
