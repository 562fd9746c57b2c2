using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;

namespace CartRecovery.Data.Tests.Suppression;

public abstract class SuppressionListContract : DatabaseContract
{
    [Fact]
    public async Task Suppress_ThenIsSuppressed_IgnoresCaseAndSurroundingSpaces()
    {
        var store = await AddStoreAsync();

        await Db.Suppressions.SuppressAsync(store.Id, " Ada@Example.COM ", "unsubscribed", Now, Ct);

        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "ada@example.com", Ct));
        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "ADA@EXAMPLE.COM  ", Ct));
        Assert.False(await Db.Suppressions.IsSuppressedAsync(store.Id, "bob@example.com", Ct));
        Assert.False(await Db.Suppressions.IsSuppressedAsync(store.Id, "  ", Ct));
    }

    [Fact]
    public async Task SuppressedAmong_ReadsTheStoresSuppressedAddressesOfAList_TrimmedAndLowerCase()
    {
        var store = await AddStoreAsync("shop-1");
        var other = await AddStoreAsync("shop-2");
        await Db.Suppressions.SuppressAsync(store.Id, " Ada@Example.COM ", "unsubscribed", Now, Ct);
        await Db.Suppressions.SuppressAsync(other.Id, "bob@example.com", "unsubscribed", Now, Ct);
        // More addresses than one statement takes (SQL Server's parameter limit): read in chunks.
        string[] many = [.. Enumerable.Range(0, 2500).Select(i => $"c{i}@example.com"), "ADA@example.com", "bob@example.com", "  "];

        var suppressed = await Db.Suppressions.SuppressedAmongAsync(store.Id, many, Ct);

        Assert.Equal(["ada@example.com"], suppressed);
        Assert.Empty(await Db.Suppressions.SuppressedAmongAsync(store.Id, [], Ct));
    }

    [Fact]
    public async Task Suppress_WhenAlreadySuppressed_KeepsTheFirstReasonAndTime()
    {
        var store = await AddStoreAsync();
        await Db.Suppressions.SuppressAsync(store.Id, "Ada@Example.com", "unsubscribed", Now, Ct);

        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "hard bounce", Now.AddDays(1), Ct);

        var entry = Assert.Single(await Db.Suppressions.ListAsync(store.Id, Ct));
        Assert.Equal(new Core.Suppression.SuppressedAddress(store.Id, "Ada@Example.com", "unsubscribed", Now), entry);
    }

    [Fact]
    public async Task IsSuppressed_OnlyForTheStoreThatSuppressed()
    {
        var store = await AddStoreAsync("shop-1");
        var other = await AddStoreAsync("shop-2");

        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "unsubscribed", Now, Ct);

        Assert.False(await Db.Suppressions.IsSuppressedAsync(other.Id, "ada@example.com", Ct));
        Assert.Empty(await Db.Suppressions.ListAsync(other.Id, Ct));
    }

    [Fact]
    public async Task Suppress_WhenAddressIsBlank_Throws()
    {
        var store = await AddStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Db.Suppressions.SuppressAsync(store.Id, " ", "unsubscribed", Now, Ct));
    }

    [Fact]
    public async Task OptOut_ClosesTheAddressCartsCancelsTheirMessagesAndClosesTheirOpenTasks()
    {
        var store = await AddStoreAsync("shop-1");
        var other = await AddStoreAsync("shop-2");
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1", "Ada@Example.com");
        var active = await AddCartAsync(store.Id, "chk-2", Now, " ada@example.com ");
        var (bob, _) = await AddAbandonedCartAsync(store.Id, "chk-3", "bob@example.com");
        var (elsewhere, _) = await AddAbandonedCartAsync(other.Id, "chk-4", "ada@example.com");
        var task = await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[2].Id), Ct);

        var result = await Db.Suppressions.OptOutAsync(new(store.Id, "ADA@example.com", "unsubscribed", null, Now, Now.AddMinutes(1)), Ct);

        Assert.Equal(new OptOutResult(CancelledMessages: 3, ClosedCarts: 2, ClosedTasks: 1), result);
        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "ada@example.com", Ct));
        Assert.False(await Db.Suppressions.IsSuppressedAsync(other.Id, "ada@example.com", Ct));
        Assert.Equal(CartStatus.OptedOut, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        Assert.Equal(CartStatus.OptedOut, (await Db.Carts.GetAsync(active.Id, Ct))!.Status);
        Assert.Equal(CartStatus.Abandoned, (await Db.Carts.GetAsync(bob.Id, Ct))!.Status);
        Assert.Equal(CartStatus.Abandoned, (await Db.Carts.GetAsync(elsewhere.Id, Ct))!.Status);
        Assert.All(await Db.Messages.ListForCartAsync(cart.Id, Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.All(await Db.Messages.ListForCartAsync(bob.Id, Ct), m => Assert.Equal(MessageStatus.Pending, m.Status));
        Assert.Equal(FollowUpTaskStatus.Closed, (await Db.Tasks.GetAsync(task.Id, Ct))!.Status);
        var optedOut = Assert.Single(await Db.Carts.GetTimelineAsync(cart.Id, Ct), e => e.Kind == CartEventKinds.OptedOut);
        Assert.Equal("unsubscribed; its open follow-up task was closed", optedOut.Detail);
    }

    [Fact]
    public async Task OptOut_CancelsPendingAndClaimedMessagesOfTheAddressIgnoringCaseAndSpaces_WithinTheStoreOnly()
    {
        var store = await AddStoreAsync("shop-1");
        var otherStore = await AddStoreAsync("shop-2");
        var (_, mine) = await AddAbandonedCartAsync(store.Id, "chk-1", email: "Ada@Example.com");
        var (_, otherStoreSame) = await AddAbandonedCartAsync(otherStore.Id, "chk-2", email: "ada@example.com");
        var (_, someoneElse) = await AddAbandonedCartAsync(store.Id, "chk-3", email: "bob@example.com");
        var longLease = TimeSpan.FromHours(10);
        Assert.Equal(3, (await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(1), longLease, 10, Ct)).Count);
        Assert.True(await Db.Messages.MarkSentAsync(mine[0].Id, "node-a", "Ada@Example.com", null, Now.AddHours(1), Ct));
        Assert.Contains(await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(2), longLease, 10, Ct), m => m.Id == mine[1].Id);

        var result = await Db.Suppressions.OptOutAsync(new(store.Id, "  ADA@example.COM ", "unsubscribed", null, Now.AddHours(2), Now.AddHours(2)), Ct);

        Assert.Equal(2, result.CancelledMessages);
        var after = await Db.Messages.ListForCartAsync(mine[0].CartId, Ct);
        Assert.Equal([MessageStatus.Sent, MessageStatus.Cancelled, MessageStatus.Cancelled], after.Select(m => m.Status));
        Assert.Equal("unsubscribed", after[2].LastError);
        Assert.DoesNotContain(await Db.Messages.ListForCartAsync(otherStoreSame[0].CartId, Ct), m => m.Status == MessageStatus.Cancelled);
        Assert.DoesNotContain(await Db.Messages.ListForCartAsync(someoneElse[0].CartId, Ct), m => m.Status == MessageStatus.Cancelled);
    }

    [Fact]
    public async Task OptOut_ClosesTheCartItCameThroughEvenUnderAnotherAddress()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1", "new@example.com");
        var task = await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[2].Id), Ct);

        var result = await Db.Suppressions.OptOutAsync(new(store.Id, "old@example.com", "postmark: HardBounce", cart.Id, Now, Now), Ct);

        Assert.Equal(new OptOutResult(3, 1, 1), result);
        Assert.Equal(CartStatus.OptedOut, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        Assert.Equal(FollowUpTaskStatus.Closed, (await Db.Tasks.GetAsync(task.Id, Ct))!.Status);
        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "old@example.com", Ct));
    }

    [Fact]
    public async Task OptOut_WhenTheCartClosedBefore_StillClosesItsOpenTaskAndKeepsTheFirstReason()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var task = await Db.Tasks.CreateAsync(NewTask(store.Id, cart.Id, messages[2].Id), Ct);
        Assert.True(await Db.Carts.CloseAsync(cart.Id, CartStatus.Expired, TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of("expired")), Now, Ct));
        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "added by the merchant", Now, Ct);

        var result = await Db.Suppressions.OptOutAsync(new(store.Id, "ada@example.com", "unsubscribed", cart.Id, Now.AddDays(1), Now.AddDays(1)), Ct);
        var again = await Db.Suppressions.OptOutAsync(new(store.Id, "ada@example.com", "unsubscribed", cart.Id, Now.AddDays(1), Now.AddDays(1)), Ct);

        Assert.Equal(new OptOutResult(0, 0, 1), result);
        Assert.Equal(default, again);
        Assert.Equal(CartStatus.Expired, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        Assert.Equal(FollowUpTaskStatus.Closed, (await Db.Tasks.GetAsync(task.Id, Ct))!.Status);
        Assert.Equal("added by the merchant", Assert.Single(await Db.Suppressions.ListAsync(store.Id, Ct)).Reason);
    }

    private static FollowUpTask NewTask(long storeId, long cartId, long messageId) => new()
    {
        StoreId = storeId, CartId = cartId, MessageId = messageId, Summary = "Call Ada", CreatedAt = Now.AddHours(3),
    };
}
