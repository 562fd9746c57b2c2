using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Carts;
using static CartRecovery.Data.Tests.ContractData;

namespace CartRecovery.Data.Tests.Carts;

/// <summary>The status moves of a cart: abandon, convert, close.</summary>
public abstract class CartLifecycleContract : DatabaseContract
{
    [Fact]
    public async Task Abandon_WhenActive_MarksAbandonedSchedulesThePlanAndAddsEvent()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now.AddHours(-1));

        var abandoned = await Db.Carts.AbandonAsync(cart.Id, Now, Plan(cart, Now), Ct);

        Assert.True(abandoned);
        var stored = (await Db.Carts.GetAsync(cart.Id, Ct))!;
        Assert.Equal((CartStatus.Abandoned, (DateTimeOffset?)Now), (stored.Status, stored.AbandonedAt));
        var messages = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.Equal([1, 2, 3], messages.Select(m => m.Step));
        Assert.Equal([StepKind.Email, StepKind.Email, StepKind.FollowUpTask], messages.Select(m => m.Kind));
        Assert.Equal([Now.AddHours(1), Now.AddHours(2), Now.AddHours(3)], messages.Select(m => m.DueAt));
        Assert.All(messages, m => Assert.Equal((MessageStatus.Pending, 0, store.Id), (m.Status, m.Attempts, m.StoreId)));
        Assert.Equal(new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromHours(48)), messages[1].Offer);
        Assert.Null(messages[0].Offer);
        Assert.Equal("offer", messages[1].Template);
        var timeline = await Db.Carts.GetTimelineAsync(cart.Id, Ct);
        Assert.Equal(CartEventKinds.Abandoned, timeline[^1].Kind);
    }

    [Fact]
    public async Task Abandon_WhenCalledTwice_SecondReturnsFalseAndMessagesExistOncePerStep()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now.AddHours(-1));
        Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, Plan(cart, Now), Ct));

        var again = await Db.Carts.AbandonAsync(cart.Id, Now.AddMinutes(5), Plan(cart, Now.AddMinutes(5)), Ct);

        Assert.False(again);
        Assert.Equal(3L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE cart_id = @Id", new { cart.Id }));
        Assert.Equal(Now, (await Db.Carts.GetAsync(cart.Id, Ct))!.AbandonedAt);
        Assert.Equal(Now.AddHours(1), (await Db.Messages.ListForCartAsync(cart.Id, Ct))[0].DueAt);
        Assert.Single(await Db.Carts.GetTimelineAsync(cart.Id, Ct), e => e.Kind == CartEventKinds.Abandoned);
    }

    [Fact]
    public async Task Abandon_WhenPlanRepeatsAStep_IgnoresTheDuplicate()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now.AddHours(-1));
        var plan = Plan(cart, Now);
        var duplicate = plan[0] with { Template = "duplicate", DueAt = Now.AddMinutes(1) };

        Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, [.. plan, duplicate], Ct));

        var messages = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.Equal([1, 2, 3], messages.Select(m => m.Step));
        Assert.Equal("reminder", messages[0].Template);
    }

    [Fact]
    public async Task Abandon_WhenPlanBelongsToAnotherCart_ThrowsAndChangesNothing()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now.AddHours(-1));
        var other = await AddCartAsync(store.Id, "chk-2", Now.AddHours(-1));

        await Assert.ThrowsAsync<ArgumentException>(() => Db.Carts.AbandonAsync(cart.Id, Now, Plan(other, Now), Ct));

        Assert.Equal(CartStatus.Active, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM messages"));
    }

    [Fact]
    public async Task Convert_WhenAttributed_RecoversRecordsTheOrderCancelsOpenMessagesAndAddsEvent()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var claimed = await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(1), TimeSpan.FromMinutes(5), 10, Ct);
        Assert.True(await Db.Messages.MarkSentAsync(claimed[0].Id, "node-a", "ada@example.com", "pm-1", Now.AddHours(1), Ct));
        Assert.Single(await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(2), TimeSpan.FromMinutes(5), 10, Ct));
        var conversion = new CartConversion(cart.Id, "order-77", 4_200, Now.AddHours(2.5), new Attribution(messages[0].Id, 1));

        var converted = await Db.Carts.ConvertAsync(conversion, Now.AddHours(3), Ct);

        Assert.True(converted);
        var stored = (await Db.Carts.GetAsync(cart.Id, Ct))!;
        Assert.Equal(CartStatus.Recovered, stored.Status);
        Assert.Equal(("order-77", (long?)4_200, (int?)1), (stored.OrderId, stored.OrderTotalMinor, stored.RecoveredByStep));
        Assert.Equal(Now.AddHours(2.5), stored.ConvertedAt);
        var after = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.Equal([MessageStatus.Sent, MessageStatus.Cancelled, MessageStatus.Cancelled], after.Select(m => m.Status));
        Assert.Equal([null, "the cart converted", "the cart converted"], after.Select(m => m.LastError));
        var recovered = (await Db.Carts.GetTimelineAsync(cart.Id, Ct))[^1];
        Assert.Equal((CartEventKinds.Recovered, (long?)messages[0].Id), (recovered.Kind, recovered.MessageId));
    }

    [Fact]
    public async Task Convert_WhenReplayed_ReturnsFalseAndChangesNothing()
    {
        var store = await AddStoreAsync();
        var (cart, _) = await AddAbandonedCartAsync(store.Id, "chk-1");
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(cart.Id, "order-1", 1_000, Now.AddHours(1), Attribution.Unassisted), Now.AddHours(1), Ct));
        var events = (await Db.Carts.GetTimelineAsync(cart.Id, Ct)).Count;

        var replay = await Db.Carts.ConvertAsync(new CartConversion(cart.Id, "order-2", 9_999, Now.AddHours(2), new Attribution(1, 1)), Now.AddHours(2), Ct);

        Assert.False(replay);
        var stored = (await Db.Carts.GetAsync(cart.Id, Ct))!;
        Assert.Equal((CartStatus.ConvertedUnassisted, "order-1", (long?)1_000, (int?)null), (stored.Status, stored.OrderId, stored.OrderTotalMinor, stored.RecoveredByStep));
        Assert.Equal(events, (await Db.Carts.GetTimelineAsync(cart.Id, Ct)).Count);
        Assert.Equal(CartEventKinds.Converted, (await Db.Carts.GetTimelineAsync(cart.Id, Ct))[^1].Kind);
    }

    [Fact]
    public async Task Convert_WhenCartOptedOut_StillRecordsTheOrder()
    {
        var store = await AddStoreAsync();
        var (cart, _) = await AddAbandonedCartAsync(store.Id, "chk-1");
        Assert.True(await Db.Carts.CloseAsync(cart.Id, CartStatus.OptedOut, Because("unsubscribed"), Now.AddHours(1), Ct));

        var converted = await Db.Carts.ConvertAsync(new CartConversion(cart.Id, "order-1", 500, Now.AddHours(2), Attribution.Unassisted), Now.AddHours(2), Ct);

        Assert.True(converted);
        Assert.Equal(CartStatus.ConvertedUnassisted, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Convert_WhenCartIsUnknown_ReturnsFalse()
    {
        Assert.False(await Db.Carts.ConvertAsync(new CartConversion(404, "order-1", 500, Now, Attribution.Unassisted), Now, Ct));
    }

    [Fact]
    public async Task Close_WhenCartConverted_CannotReopenIt()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(cart.Id, "order-1", 500, Now, new Attribution(messages[0].Id, 1)), Now, Ct));

        var optedOut = await Db.Carts.CloseAsync(cart.Id, CartStatus.OptedOut, Because("unsubscribed"), Now.AddHours(1), Ct);
        var expired = await Db.Carts.CloseAsync(cart.Id, CartStatus.Expired, Because("too old"), Now.AddHours(1), Ct);

        Assert.False(optedOut);
        Assert.False(expired);
        Assert.Equal(CartStatus.Recovered, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        Assert.DoesNotContain(await Db.Carts.GetTimelineAsync(cart.Id, Ct), e => e.Kind is CartEventKinds.OptedOut or CartEventKinds.Expired);
    }

    [Fact]
    public async Task Close_WhenAbandonedAndOptingOut_CancelsOpenMessagesAndAddsEvent()
    {
        var store = await AddStoreAsync();
        var (cart, _) = await AddAbandonedCartAsync(store.Id, "chk-1");
        Assert.Single(await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(1), TimeSpan.FromMinutes(5), 10, Ct));

        var closed = await Db.Carts.CloseAsync(cart.Id, CartStatus.OptedOut, Because("unsubscribed"), Now.AddHours(1), Ct);

        Assert.True(closed);
        Assert.Equal(CartStatus.OptedOut, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        var messages = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.All(messages, m => Assert.Equal((MessageStatus.Cancelled, "unsubscribed"), (m.Status, m.LastError)));
        var last = (await Db.Carts.GetTimelineAsync(cart.Id, Ct))[^1];
        Assert.Equal((CartEventKinds.OptedOut, "unsubscribed", Now.AddHours(1)), (last.Kind, last.Detail, last.At));
    }

    [Fact]
    public async Task Close_WhenActiveAndExpiring_ExpiresOnceWithExpiredEvent()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now.AddDays(-9));

        var first = await Db.Carts.CloseAsync(cart.Id, CartStatus.Expired, Because("too old to enter a sequence"), Now, Ct);
        var second = await Db.Carts.CloseAsync(cart.Id, CartStatus.Expired, Because("again"), Now, Ct);
        var optOut = await Db.Carts.CloseAsync(cart.Id, CartStatus.OptedOut, Because("unsubscribed"), Now, Ct);

        Assert.Equal((true, false, false), (first, second, optOut));
        Assert.Equal(CartStatus.Expired, (await Db.Carts.GetAsync(cart.Id, Ct))!.Status);
        Assert.Equal(CartEventKinds.Expired, (await Db.Carts.GetTimelineAsync(cart.Id, Ct))[^1].Kind);
    }

    [Fact]
    public async Task Close_WithAStatusThatIsNotAClosure_Throws()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Db.Carts.CloseAsync(cart.Id, CartStatus.Recovered, Because("no"), Now, Ct));
    }

    private static TimelineEntry Because(string reason) => TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of(reason));
}
