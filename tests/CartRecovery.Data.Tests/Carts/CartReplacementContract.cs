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
        var newer = await AddCartAsync(store.Id, "chk-new", Now.AddHours(2), "ada@example.com");

        var closed = await Db.Carts.CloseReplacedAsync(newer.Id, Now.AddHours(2), Ct);

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
        var newer = await AddCartAsync(store.Id, "chk-new", Now.AddHours(2));
        var late = await AddCartAsync(store.Id, "chk-old", Now);

        Assert.Equal(1, await Db.Carts.CloseReplacedAsync(late.Id, Now.AddHours(3), Ct));
        Assert.Equal(CartStatus.Expired, (await Db.Carts.GetAsync(late.Id, Ct))!.Status);
        Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(newer.Id, Ct))!.Status);
        Assert.Equal(0, await Db.Carts.CloseReplacedAsync(newer.Id, Now.AddHours(3), Ct));
    }

    [Fact]
    public async Task CloseReplaced_LeavesOtherStoresOtherAddressesEmptyAndClosedCartsAlone()
    {
        var store = await AddStoreAsync();
        var sister = await AddStoreAsync("shop-2");
        var otherStore = await AddCartAsync(sister.Id, "chk-a", Now);
        var otherEmail = await AddCartAsync(store.Id, "chk-b", Now, "bob@example.com");
        var converted = await AddCartAsync(store.Id, "chk-c", Now);
        Assert.True(await Db.Carts.CloseAsync(converted.Id, CartStatus.OptedOut, TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of("test")), Now, Ct));
        var empty = (await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "chk-d", Now, lines: []), Now, Ct)).Cart;
        var newest = await AddCartAsync(store.Id, "chk-e", Now.AddHours(1));

        Assert.Equal(0, await Db.Carts.CloseReplacedAsync(newest.Id, Now.AddHours(1), Ct));
        foreach (var untouched in new[] { otherStore, otherEmail, empty })
            Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(untouched.Id, Ct))!.Status);
        Assert.Equal(CartStatus.OptedOut, (await Db.Carts.GetAsync(converted.Id, Ct))!.Status);
    }

    [Fact]
    public async Task CloseReplaced_OfAClosedCartOrOneWithoutEmail_ClosesNothing()
    {
        var store = await AddStoreAsync();
        // Two open carts of one address (as before replacement existed): only news of an open cart of theirs settles them.
        var older = await AddCartAsync(store.Id, "chk-old", Now);
        var old = await AddCartAsync(store.Id, "chk-old-2", Now.AddMinutes(1));
        var closedNewer = await AddCartAsync(store.Id, "chk-new", Now.AddHours(1));
        Assert.True(await Db.Carts.CloseAsync(closedNewer.Id, CartStatus.OptedOut, TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of("test")), Now, Ct));
        var anonymous = (await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "chk-anon", Now.AddHours(2), email: null), Now, Ct)).Cart;

        Assert.Equal(0, await Db.Carts.CloseReplacedAsync(closedNewer.Id, Now.AddHours(2), Ct));
        Assert.Equal(0, await Db.Carts.CloseReplacedAsync(anonymous.Id, Now.AddHours(2), Ct));
        Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(older.Id, Ct))!.Status);
        Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(old.Id, Ct))!.Status);
    }
}
