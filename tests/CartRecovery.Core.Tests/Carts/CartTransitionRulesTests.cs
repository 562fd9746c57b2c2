using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Carts;

public sealed class CartTransitionRulesTests
{
    private static readonly DateTimeOffset Now = TestData.Now;

    [Fact]
    public void Abandon_WhenActive_MovesToAbandonedSchedulesThePlanAsPendingAndSaysHowManySteps()
    {
        IReadOnlyList<OutboundMessage> plan = [TestData.Message(step: 1) with { CartId = 5 }, TestData.Message(step: 2) with { CartId = 5 }];

        var move = CartTransitionRules.Abandon(5, CartStatus.Active, Now, plan);

        Assert.NotNull(move);
        Assert.Equal((5L, CartStatus.Active, CartStatus.Abandoned), (move.CartId, move.From, move.To));
        Assert.Equal([1, 2], move.Schedule.Select(m => m.Step));
        Assert.All(move.Schedule, m => Assert.Equal((MessageStatus.Pending, 0), (m.Status, m.Attempts)));
        Assert.Null(move.CancelMessagesReason);
        Assert.Equal(new CartEvent(5, Now, CartEventKinds.Abandoned, TimelineEntry.Of(TimelineCodes.Abandoned, TimelineArg.Of(2))), move.Event);
        Assert.Equal("Abandoned; 2 step(s) scheduled", move.Event.Detail);
    }

    [Theory]
    [InlineData(CartStatus.Abandoned)]
    [InlineData(CartStatus.Expired)]
    [InlineData(CartStatus.OptedOut)]
    [InlineData(CartStatus.Recovered)]
    public void Abandon_WhenNotActive_DecidesNothing(CartStatus current) =>
        Assert.Null(CartTransitionRules.Abandon(5, current, Now, []));

    [Fact]
    public void Abandon_WhenPlanHoldsAnotherCartsMessage_Throws() =>
        Assert.Throws<ArgumentException>(() => CartTransitionRules.Abandon(5, CartStatus.Active, Now, [TestData.Message() with { CartId = 6 }]));

    [Fact]
    public void Convert_WhenAMessageEarnedTheOrder_RecoversCancelsMessagesAndCreditsTheStep()
    {
        var order = new CartConversion(5, "#1001", 14_500, Now.AddMinutes(-3), new Core.Attribution.Attribution(77, 2));

        var move = CartTransitionRules.Convert(CartStatus.Abandoned, order, Now);

        Assert.NotNull(move);
        Assert.Equal((CartStatus.Abandoned, CartStatus.Recovered), (move.From, move.To));
        Assert.Equal("the cart converted", move.CancelMessagesReason);
        Assert.Same(order, move.Conversion);
        Assert.Equal(new CartEvent(5, Now, CartEventKinds.Recovered,
            TimelineEntry.Of(TimelineCodes.Recovered, TimelineArg.Of("#1001"), TimelineArg.Of(2)), 77), move.Event);
        Assert.Equal("Order #1001 placed, recovered by step 2", move.Event.Detail);
    }

    [Fact]
    public void Convert_WhenNoMessageEarnedTheOrder_ConvertsUnassisted()
    {
        var order = new CartConversion(5, "#1001", 14_500, Now, Core.Attribution.Attribution.Unassisted);

        var move = CartTransitionRules.Convert(CartStatus.Active, order, Now);

        Assert.NotNull(move);
        Assert.Equal(CartStatus.ConvertedUnassisted, move.To);
        Assert.Equal(new CartEvent(5, Now, CartEventKinds.Converted, TimelineEntry.Of(TimelineCodes.Converted, TimelineArg.Of("#1001"))), move.Event);
        Assert.Equal("Order #1001 placed without a message", move.Event.Detail);
    }

    [Theory]
    [InlineData(CartStatus.Expired, true)]
    [InlineData(CartStatus.OptedOut, true)]
    [InlineData(CartStatus.Recovered, false)]
    [InlineData(CartStatus.ConvertedUnassisted, false)]
    public void Convert_FromAClosedCart_OnlyAnUnconvertedOneMoves(CartStatus current, bool moves)
    {
        var order = new CartConversion(5, "#1001", 14_500, Now, new Core.Attribution.Attribution(77, 1));

        Assert.Equal(moves, CartTransitionRules.Convert(current, order, Now) is not null);
    }

    [Theory]
    [InlineData(CartStatus.Expired, CartEventKinds.Expired)]
    [InlineData(CartStatus.OptedOut, CartEventKinds.OptedOut)]
    public void Close_WhenOpen_ClosesCancelsMessagesWithTheReasonAndRecordsIt(CartStatus status, string kind)
    {
        var move = CartTransitionRules.Close(5, CartStatus.Abandoned, status, Because("the customer unsubscribed"), Now);

        Assert.NotNull(move);
        Assert.Equal(status, move.To);
        Assert.Equal("the customer unsubscribed", move.CancelMessagesReason);
        Assert.Equal(new CartEvent(5, Now, kind, TimelineEntry.Of(TimelineCodes.Closed, TimelineArg.Of(Because("the customer unsubscribed")))), move.Event);
        Assert.Equal("the customer unsubscribed", move.Event.Detail);
    }

    [Theory]
    [InlineData(CartStatus.Expired)]
    [InlineData(CartStatus.Recovered)]
    public void Close_WhenAlreadyClosed_DecidesNothing(CartStatus current) =>
        Assert.Null(CartTransitionRules.Close(5, current, CartStatus.OptedOut, Because("unsubscribed"), Now));

    [Theory]
    [InlineData(CartStatus.Recovered)]
    [InlineData(CartStatus.Abandoned)]
    public void Close_AsANonClosingStatus_Throws(CartStatus status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CartTransitionRules.Close(5, CartStatus.Active, status, Because("why"), Now));

    [Fact]
    public void Close_WithoutAReason_Throws() =>
        Assert.Throws<ArgumentNullException>(() => CartTransitionRules.Close(5, CartStatus.Active, CartStatus.Expired, null!, Now));

    [Fact]
    public void Replace_KeepsTheNewestByPlatformUpdateAndExpiresTheOthers()
    {
        ReplacementCandidate[] open =
        [
            new(1, CartStatus.Abandoned, Now.AddHours(-3), HasLines: true),
            new(2, CartStatus.Active, Now.AddHours(-1), HasLines: true),
            new(3, CartStatus.Active, Now.AddHours(-2), HasLines: true),
        ];

        var moves = CartTransitionRules.Replace(open, Now);

        Assert.Equal([3L, 1L], moves.Select(m => m.CartId));
        Assert.All(moves, m => Assert.Equal(CartStatus.Expired, m.To));
        Assert.Equal((CartStatus.Active, CartStatus.Abandoned), (moves[0].From, moves[1].From));
        var replaced = TimelineEntry.Of(TimelineCodes.Replaced, TimelineArg.Of(2));
        Assert.All(moves, m => Assert.Equal(
            new CartEvent(m.CartId, Now, CartEventKinds.Expired, TimelineEntry.Of(TimelineCodes.Closed, TimelineArg.Of(replaced))), m.Event));
        Assert.All(moves, m => Assert.Equal("replaced by a newer cart of the same customer (#2)", m.Event.Detail));
        Assert.All(moves, m => Assert.Equal("replaced by a newer cart of the same customer (#2)", m.CancelMessagesReason));
    }

    [Fact]
    public void Replace_WhenUpdatedAtTheSameInstant_TheHigherIdStaysOpen()
    {
        var moves = CartTransitionRules.Replace([new(7, CartStatus.Active, Now, true), new(8, CartStatus.Active, Now, true)], Now);

        Assert.Equal(7L, Assert.Single(moves).CartId);
    }

    [Fact]
    public void Replace_CartsWithoutLines_NeitherReplaceNorAreReplaced()
    {
        ReplacementCandidate[] open =
        [
            new(1, CartStatus.Active, Now.AddHours(-2), HasLines: true),
            new(2, CartStatus.Active, Now, HasLines: false),
            new(3, CartStatus.Active, Now.AddHours(-3), HasLines: false),
        ];

        Assert.Empty(CartTransitionRules.Replace(open, Now));
        Assert.Empty(CartTransitionRules.Replace([], Now));
    }

    [Fact]
    public void Describe_ForEachMergeOutcome_WritesTheTimelineEntry()
    {
        var cart = TestData.Cart() with { Id = 5 };

        Assert.Null(CartTransitionRules.Describe(new(cart, MergeOutcome.Unchanged), Now));
        Assert.Equal(CartEventKinds.Captured, CartTransitionRules.Describe(new(cart, MergeOutcome.Created), Now)!.Kind);
        Assert.StartsWith("Cart updated: 1 line(s), ", CartTransitionRules.Describe(new(cart, MergeOutcome.Updated), Now)!.Detail);
        Assert.Equal(new CartEvent(5, Now, CartEventKinds.Updated, TimelineEntry.Of(TimelineCodes.LateDetails)),
            CartTransitionRules.Describe(new(cart, MergeOutcome.FilledGaps), Now));
    }

    private static TimelineEntry Because(string reason) => TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of(reason));
}
