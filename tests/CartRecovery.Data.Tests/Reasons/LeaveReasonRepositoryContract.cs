using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Data.Tests.Reasons;

public abstract class LeaveReasonRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Record_FirstReasonWins_AndASecondChangesNothing()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var justLooking = Plan(LeaveReason.JustLooking, messages);

        Assert.True(await Db.Reasons.RecordAsync(Given(cart, messages[0].Id, LeaveReason.ShippingCost), Plan(LeaveReason.ShippingCost, messages), Event(cart), Ct));
        Assert.False(await Db.Reasons.RecordAsync(Given(cart, messages[0].Id, LeaveReason.JustLooking, 1), justLooking, Event(cart), Ct));

        Assert.Equal(LeaveReason.ShippingCost, await Db.Reasons.GetAsync(cart.Id, Ct));
        var after = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.All(after.Skip(1), m => Assert.Equal(MessageStatus.Pending, m.Status));
        Assert.Single(await Db.Carts.GetTimelineAsync(cart.Id, Ct), e => e.Kind == CartEventKinds.ReasonGiven);
    }

    [Fact]
    public async Task Record_AppliesThePlanToPendingMessages_InOneGo()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var freeShipping = new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromDays(2));
        var plan = Plan(LeaveReason.Other, messages) with
        {
            Cancel = [messages[0].Id],
            Reschedule = new Dictionary<long, DateTimeOffset> { [messages[2].Id] = Now.AddMinutes(30) },
            ReplaceOffer = new Dictionary<long, OfferSpec> { [messages[1].Id] = freeShipping },
        };

        Assert.True(await Db.Reasons.RecordAsync(Given(cart, messages[0].Id, LeaveReason.Other), plan, Event(cart), Ct));

        var after = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.Equal(MessageStatus.Cancelled, after[0].Status);
        Assert.Equal(freeShipping, after[1].Offer);
        Assert.Equal(Now.AddMinutes(30), after[2].DueAt);
    }

    [Fact]
    public async Task Answer_AppliesThePlanAndWritesTheTimeline_WithoutTouchingTheRecordedReason()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        // Given before the cart had steps (the storefront's exit question): recorded with nothing to change.
        Assert.True(await Db.Reasons.RecordAsync(Given(cart, null, LeaveReason.JustLooking), Plan(LeaveReason.JustLooking, []), Event(cart), Ct));

        await Db.Reasons.AnswerAsync(cart.Id, Plan(LeaveReason.JustLooking, messages), Event(cart), Ct);

        Assert.Equal(LeaveReason.JustLooking, await Db.Reasons.GetAsync(cart.Id, Ct));
        Assert.All(await Db.Messages.ListForCartAsync(cart.Id, Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Equal(2, (await Db.Carts.GetTimelineAsync(cart.Id, Ct)).Count(e => e.Kind == CartEventKinds.ReasonGiven));
    }

    [Fact]
    public async Task Record_LeavesClaimedMessagesAndMessagesOfOtherCartsAlone()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var (_, others) = await AddAbandonedCartAsync(store.Id, "chk-2");
        await Db.ExecuteAsync("UPDATE messages SET status = @Claimed, claimed_by = 'node' WHERE id = @Id",
            new { messages[1].Id, Claimed = (int)MessageStatus.Claimed });
        var plan = Plan(LeaveReason.JustLooking, messages) with { Cancel = [messages[1].Id, messages[2].Id, others[0].Id] };

        Assert.True(await Db.Reasons.RecordAsync(Given(cart, messages[0].Id, LeaveReason.JustLooking), plan, Event(cart), Ct));

        var after = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        Assert.Equal(MessageStatus.Claimed, after[1].Status);
        Assert.Equal(MessageStatus.Cancelled, after[2].Status);
        Assert.Equal(MessageStatus.Pending, (await Db.Messages.GetAsync(others[0].Id, Ct))!.Status);
    }

    [Fact]
    public async Task Count_CountsTheStoresReasonsInThePeriod()
    {
        var store = await AddStoreAsync("shop-1");
        var other = await AddStoreAsync("shop-2");
        async Task GiveAsync(long storeId, string externalId, LeaveReason reason, int days = 0)
        {
            var (cart, messages) = await AddAbandonedCartAsync(storeId, externalId);
            Assert.True(await Db.Reasons.RecordAsync(Given(cart, messages[0].Id, reason) with { At = Now.AddDays(days) }, Plan(reason, []), Event(cart), Ct));
        }
        await GiveAsync(store.Id, "a", LeaveReason.ShippingCost);
        await GiveAsync(store.Id, "b", LeaveReason.ShippingCost);
        await GiveAsync(store.Id, "c", LeaveReason.JustLooking);
        await GiveAsync(store.Id, "d", LeaveReason.Comparing, days: -40);
        await GiveAsync(other.Id, "e", LeaveReason.Other);
        await AddAbandonedCartAsync(store.Id, "no-reason");

        var counts = await Db.Reasons.CountAsync(store.Id, Now.AddDays(-30), Now.AddDays(1), Ct);

        Assert.Equal([new(LeaveReason.ShippingCost, 2), new ReasonCount(LeaveReason.JustLooking, 1)], counts);
    }

    private static GivenReason Given(Cart cart, long? messageId, LeaveReason reason, int minutesLater = 0) =>
        new(cart.StoreId, cart.Id, messageId, reason, Now.AddMinutes(minutesLater));

    private static ReasonPlan Plan(LeaveReason reason, IReadOnlyList<OutboundMessage> pending) => ReasonBranching.Plan(reason, pending, Now);

    private static CartEvent Event(Cart cart) =>
        new(cart.Id, Now, CartEventKinds.ReasonGiven, TimelineEntry.Of(TimelineCodes.ReasonGiven,
            TimelineArg.Of(TimelineCodes.Leave(LeaveReason.Other)), TimelineArg.Of(TimelineEntry.Of(TimelineCodes.ContinuesAsPlanned))));
}
