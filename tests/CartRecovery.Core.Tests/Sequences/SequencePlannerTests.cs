using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequencePlannerTests
{
    [Fact]
    public void Plan_ForTheStandardSequence_SchedulesOneHourDayAndTwoDays()
    {
        var plan = SequencePlanner.Plan(1, 10, SequencePresets.Standard, TestData.Now);

        Assert.Equal([TestData.Now.AddHours(1), TestData.Now.AddHours(24), TestData.Now.AddHours(48)], plan.Select(m => m.DueAt));
        Assert.Equal([StepKind.Email, StepKind.Email, StepKind.FollowUpTask], plan.Select(m => m.Kind));
        Assert.Null(plan[0].Offer);
        Assert.Equal(OfferKind.Percentage, plan[1].Offer?.Kind);
        Assert.All(plan, m => Assert.Equal(MessageStatus.Pending, m.Status));
        Assert.All(plan, m => Assert.Equal((1L, 10L), (m.StoreId, m.CartId)));
    }

    [Fact]
    public void Plan_ForTheDemoSequence_FitsInAMinute() =>
        Assert.True(SequencePlanner.Plan(1, 10, SequencePresets.Demo, TestData.Now).Max(m => m.DueAt) <= TestData.Now.AddMinutes(1));

    [Fact]
    public void Find_WhenNameIsUnknown_FallsBackToStandard() =>
        Assert.Same(SequencePresets.Standard, SequencePresets.Find("no-such-sequence"));

    [Fact]
    public void Plan_ForAStoreSequence_RecordsSequenceVersionAndTheCartsVariant()
    {
        var step = new SequenceStep(1, TimeSpan.FromHours(1), StepKind.Email, "reminder")
        {
            Variants = [new StepVariant("a"), new StepVariant("b", Subject: "{{ customer.first_name }}, still there?", Template: "offer")],
        };
        var sequence = new StoreSequence(7, 1, 3, true, new SequenceDefinition("vip", [step]), TestData.Now);

        var byCart = Enumerable.Range(1, 40).Select(id => SequencePlanner.Plan(id, sequence, TestData.Now).Single()).ToList();

        Assert.All(byCart, m => Assert.Equal((7L, 3), (m.SequenceId!.Value, m.SequenceVersion!.Value)));
        var a = byCart.First(m => m.Variant == "a");
        var b = byCart.First(m => m.Variant == "b");
        Assert.Equal(("reminder", null), (a.Template, a.SubjectOverride));
        Assert.Equal(("offer", "{{ customer.first_name }}, still there?"), (b.Template, b.SubjectOverride));
        Assert.Equal(byCart.Select(m => m.Variant), Enumerable.Range(1, 40).Select(id => SequencePlanner.Plan(id, sequence, TestData.Now).Single().Variant));
    }

    [Fact]
    public void Plan_AVariantWithItsOwnWait_SendsThoseCartsThen_AndTheOthersAtTheStepsWait()
    {
        var step = new SequenceStep(1, TimeSpan.FromHours(1), StepKind.Email, "reminder")
        {
            Variants = [new StepVariant("soon"), new StepVariant("late", Delay: TimeSpan.FromHours(4))],
        };
        var sequence = new StoreSequence(7, 1, 3, true, new SequenceDefinition("delay test", [step, Email(2, 24)]), TestData.Now);

        var plans = Enumerable.Range(1, 40).Select(id => SequencePlanner.Plan(id, sequence, TestData.Now)).ToList();

        Assert.All(plans.Select(p => p[0]).Where(m => m.Variant == "soon"), m => Assert.Equal(TestData.Now.AddHours(1), m.DueAt));
        Assert.All(plans.Select(p => p[0]).Where(m => m.Variant == "late"), m => Assert.Equal(TestData.Now.AddHours(4), m.DueAt));
        Assert.Equal(["late", "soon"], plans.Select(p => p[0].Variant!).Distinct().Order());
        Assert.All(plans, p => Assert.Equal(TestData.Now.AddHours(24), p[1].DueAt));
    }

    [Fact]
    public void Plan_ForAPreset_HasNoSequenceOrVariant()
    {
        Assert.All(SequencePlanner.Plan(1, 10, SequencePresets.Standard, TestData.Now), m => Assert.Equal((null, null, null), (m.SequenceId, m.Variant, m.SubjectOverride)));
    }

    private static SequenceStep Email(int number, int hours) => new(number, TimeSpan.FromHours(hours), StepKind.Email, "reminder");
}
