using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequencePlannerTests
{
    [Fact]
    public void Plan_ForTheStandardSequence_SchedulesOneHourDayAndTwoDays()
    {
        var plan = SequencePlanner.Plan(1, 10, SequencePresets.Standard, Sample.T0);

        Assert.Equal([Sample.T0.AddHours(1), Sample.T0.AddHours(24), Sample.T0.AddHours(48)], plan.Select(m => m.DueAt));
        Assert.Equal([StepKind.Email, StepKind.Email, StepKind.FollowUpTask], plan.Select(m => m.Kind));
        Assert.Null(plan[0].Offer);
        Assert.Equal(OfferKind.Percentage, plan[1].Offer?.Kind);
        Assert.All(plan, m => Assert.Equal(MessageStatus.Pending, m.Status));
        Assert.All(plan, m => Assert.Equal((1L, 10L), (m.StoreId, m.CartId)));
    }

    [Fact]
    public void Plan_ForTheDemoSequence_FitsInAMinute() =>
        Assert.True(SequencePlanner.Plan(1, 10, SequencePresets.Demo, Sample.T0).Max(m => m.DueAt) <= Sample.T0.AddMinutes(1));

    [Fact]
    public void Find_WhenNameIsUnknown_FallsBackToStandard() =>
        Assert.Same(SequencePresets.Standard, SequencePresets.Find("no-such-sequence"));
}
