using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;

namespace CartRecovery.Data.Tests.Carts;

/// <summary>A customer's newer open cart replaces their older open carts of the same store, whatever order they arrive in.</summary>
public abstract class CartReplacementContract : DatabaseContract
{
    [Fact]
    public async Task CloseReplaced_ForANewerCart_ExpiresTheOlderOne_CancellingItsStepsWithAnEvent()
    {
        var store = await AddStoreAsync();
        var (older, messages) = await AddAbandonedCartAsync(store.Id, "chk-old", "Ada@Example.com");
        var newer = await AddCartAsync(store.Id, "chk-new", T0.AddHours(2), "ada@example.com");

        var closed = await Db.Carts.CloseReplacedAsync(newer.Id, T0.AddHours(2), Ct);

        Assert.Equal(1, closed);
        Assert.Equal(CartStatus.Expired, (await Db.Carts.GetAsync(older.Id, Ct))!.Status);
        Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(newer.Id, Ct))!.Status);
        Assert.All(await Db.Messages.ListForCartAsync(older.Id, Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        var last = (await Db.Carts.GetTimelineAsync(older.Id, Ct))[^1];
        Assert.Equal(("expired", $"replaced by a newer cart of the same customer (#{newer.Id})"), (last.Kind, last.Detail));
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public async Task CloseReplaced_ForAnOlderCartArrivingLate_ExpiresThatCartItself()
    {
        var store = await AddStoreAsync();
        var newer = await AddCartAsync(store.Id, "chk-new", T0.AddHours(2));
        var late = await AddCartAsync(store.Id, "chk-old", T0);

        Assert.Equal(1, await Db.Carts.CloseReplacedAsync(late.Id, T0.AddHours(3), Ct));
        Assert.Equal(CartStatus.Expired, (await Db.Carts.GetAsync(late.Id, Ct))!.Status);
        Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(newer.Id, Ct))!.Status);
        Assert.Equal(0, await Db.Carts.CloseReplacedAsync(newer.Id, T0.AddHours(3), Ct));
    }

    [Fact]
    public async Task CloseReplaced_LeavesOtherStoresOtherAddressesEmptyAndClosedCartsAlone()
    {
        var store = await AddStoreAsync();
        var sister = await AddStoreAsync("shop-2");
        var otherStore = await AddCartAsync(sister.Id, "chk-a", T0);
        var otherEmail = await AddCartAsync(store.Id, "chk-b", T0, "bob@example.com");
        var converted = await AddCartAsync(store.Id, "chk-c", T0);
        Assert.True(await Db.Carts.CloseAsync(converted.Id, CartStatus.OptedOut, TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of("test")), T0, Ct));
        var empty = (await Db.Carts.UpsertAsync(TestData.Snapshot(store.Id, "chk-d", T0, lines: []), T0, Ct)).Cart;
        var newest = await AddCartAsync(store.Id, "chk-e", T0.AddHours(1));

        Assert.Equal(0, await Db.Carts.CloseReplacedAsync(newest.Id, T0.AddHours(1), Ct));
        foreach (var untouched in new[] { otherStore, otherEmail, empty })
            Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(untouched.Id, Ct))!.Status);
        Assert.Equal(CartStatus.OptedOut, (await Db.Carts.GetAsync(converted.Id, Ct))!.Status);
    }
}
