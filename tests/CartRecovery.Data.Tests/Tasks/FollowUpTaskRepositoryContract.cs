using CartRecovery.Core.Tasks;

namespace CartRecovery.Data.Tests.Tasks;

public abstract class FollowUpTaskRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Create_WhenCalledTwiceForOneMessage_KeepsOneTaskAndReturnsIt()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var task = NewTask(store.Id, cart.Id, messages[2].Id, "Call Ada");

        var first = await Db.Tasks.CreateAsync(task, Ct);
        var second = await Db.Tasks.CreateAsync(task with { Summary = "Call Ada again", CreatedAt = Now.AddHours(5) }, Ct);

        Assert.True(first.Id > 0);
        Assert.Equal(task with { Id = first.Id }, first);
        Assert.Equal(first, second);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM follow_up_tasks"));
    }

    [Fact]
    public async Task CloseForCart_ClosesOnlyTheOpenTasksOfThatCart()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var (otherCart, otherMessages) = await AddAbandonedCartAsync(store.Id, "chk-2");
        var open = await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[2].Id, "open"), Ct);
        var done = await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[1].Id, "done") with { Status = FollowUpTaskStatus.Done }, Ct);
        var other = await Db.Tasks.CreateAsync(NewTask(store.Id, otherCart.Id, otherMessages[2].Id, "other"), Ct);

        var closed = await Db.Tasks.CloseForCartAsync(cart.Id, Ct);

        Assert.Equal(1, closed);
        var byId = (await Db.Tasks.ListAsync(null, null, null, Ct)).ToDictionary(t => t.Id, t => t.Status);
        Assert.Equal(FollowUpTaskStatus.Closed, byId[open.Id]);
        Assert.Equal(FollowUpTaskStatus.Done, byId[done.Id]);
        Assert.Equal(FollowUpTaskStatus.Open, byId[other.Id]);
        Assert.Equal(0, await Db.Tasks.CloseForCartAsync(cart.Id, Ct));
    }

    [Fact]
    public async Task List_FiltersByStoreAndStatus_OldestFirst()
    {
        var store = await AddStoreAsync("shop-1");
        var otherStore = await AddStoreAsync("shop-2");
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var (otherCart, otherMessages) = await AddAbandonedCartAsync(otherStore.Id, "chk-2");
        await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[2].Id, "later") with { CreatedAt = Now.AddHours(4) }, Ct);
        await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[1].Id, "earlier"), Ct);
        await Db.Tasks.CreateAsync(NewTask(otherStore.Id, otherCart.Id, otherMessages[2].Id, "elsewhere") with { Status = FollowUpTaskStatus.Done }, Ct);

        var mine = await Db.Tasks.ListAsync(store.Id, null, null, Ct);
        var open = await Db.Tasks.ListAsync(null, FollowUpTaskStatus.Open, null, Ct);
        var done = await Db.Tasks.ListAsync(otherStore.Id, FollowUpTaskStatus.Done, null, Ct);
        var visible = await Db.Tasks.ListAsync(null, null, [otherStore.Id], Ct);
        var otherThanVisible = await Db.Tasks.ListAsync(store.Id, null, [otherStore.Id], Ct);
        var none = await Db.Tasks.ListAsync(null, null, [], Ct);

        Assert.Equal(["earlier", "later"], mine.Select(t => t.Summary));
        Assert.Equal(["earlier", "later"], open.Select(t => t.Summary));
        Assert.Equal("elsewhere", Assert.Single(done).Summary);
        Assert.Equal("elsewhere", Assert.Single(visible).Summary);
        Assert.Empty(otherThanVisible);
        Assert.Empty(none);
    }

    private static FollowUpTask NewTask(long storeId, long cartId, long messageId, string summary) => new()
    {
        StoreId = storeId,
        CartId = cartId,
        MessageId = messageId,
        Summary = summary,
        CreatedAt = Now.AddHours(3),
    };
}
