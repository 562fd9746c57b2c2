using CartRecovery.Testing;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Reasons;

/// <summary>
/// The standard sequence as it stands two hours after abandonment, when the customer clicks a reason in the first
/// email: step 2 (email with 10 % off) due at 24 h, step 3 (a follow-up task) at 48 h.
/// </summary>
public sealed class ReasonBranchingTests
{
    private static readonly DateTimeOffset Now = TestData.Now.AddHours(2);
    private static readonly OfferSpec TenPercent = new(OfferKind.Percentage, 10, TimeSpan.FromDays(2));

    private static readonly OutboundMessage[] Pending =
    [
        Planned(3, 3, StepKind.FollowUpTask, hours: 48),
        Planned(2, 2, StepKind.Email, hours: 24, TenPercent),
    ];

    [Fact]
    public void Plan_ShippingCost_OffersFreeShippingInTheNextEmail()
    {
        var plan = ReasonBranching.Plan(LeaveReason.ShippingCost, Pending, Now);

        Assert.Equal(OfferKind.FreeShipping, Assert.Single(plan.ReplaceOffer, p => p.Key == 2).Value.Kind);
        Assert.Empty(plan.Cancel);
        Assert.False(plan.FollowUpNow);
    }

    [Fact]
    public void Plan_TotalPrice_BringsTheOfferForward_AndCancelsTheStepsItOvertakes()
    {
        var reminder = Planned(4, 2, StepKind.Email, hours: 12);

        var plan = ReasonBranching.Plan(LeaveReason.TotalPrice, [.. Pending, reminder, Planned(5, 3, StepKind.Email, hours: 24, TenPercent)], Now);

        Assert.Equal(Now + ReasonBranching.OfferSoonest, Assert.Single(plan.Reschedule).Value);
        Assert.Equal([4L], plan.Cancel);
    }

    [Fact]
    public void Plan_TotalPrice_WhenTheOfferIsAlreadyDue_ChangesNothing()
    {
        var plan = ReasonBranching.Plan(LeaveReason.TotalPrice, [Planned(2, 2, StepKind.Email, hours: 2.25, TenPercent)], Now);

        Assert.True(plan.ChangesNothing);
    }

    [Fact]
    public void Plan_PaymentProblem_CallsAPersonNow_InsteadOfTheLaterTask_AndKeepsTheEmails()
    {
        var plan = ReasonBranching.Plan(LeaveReason.PaymentProblem, Pending, Now);

        Assert.True(plan.FollowUpNow);
        Assert.Equal([3L], plan.Cancel);
    }

    [Fact]
    public void Plan_JustLooking_CancelsEveryPendingMessage_TaskIncluded() =>
        Assert.Equal([2L, 3L], ReasonBranching.Plan(LeaveReason.JustLooking, Pending, Now).Cancel);

    [Theory]
    [InlineData(LeaveReason.NeededMoreTime)]
    [InlineData(LeaveReason.Comparing)]
    [InlineData(LeaveReason.Other)]
    public void Plan_ReasonsThatNeedNoAnswer_LeaveTheSequenceAsPlanned(LeaveReason reason) =>
        Assert.True(ReasonBranching.Plan(reason, Pending, Now).ChangesNothing);

    [Fact]
    public void Plan_ShippingCost_WhenNoEmailIsLeft_ChangesNothing() =>
        Assert.True(ReasonBranching.Plan(LeaveReason.ShippingCost, [Planned(3, 3, StepKind.FollowUpTask, hours: 48)], Now).ChangesNothing);

    [Fact]
    public void Plan_IgnoresMessagesAlreadyClaimedOrSent()
    {
        var claimed = Planned(2, 2, StepKind.Email, hours: 24) with { Status = MessageStatus.Claimed };

        Assert.True(ReasonBranching.Plan(LeaveReason.JustLooking, [claimed], Now).ChangesNothing);
    }

    private static OutboundMessage Planned(long id, int step, StepKind kind, double hours, OfferSpec? offer = null) =>
        Sample.Message(id, step, kind, offer) with { Status = MessageStatus.Pending, Attempts = 0, DueAt = TestData.Now.AddHours(hours) };
}
