using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequencePresetsTests
{
    [Theory]
    [InlineData("hybrid")]
    [InlineData("HYBRID")]
    [InlineData("standard")]
    public void TryFind_HybridIsTheStandardPreset(string name)
    {
        Assert.True(SequencePresets.TryFind(name, out var preset));
        Assert.Same(SequencePresets.Standard, preset);
    }

    [Fact]
    public void TryFind_UnknownName_FindsNothing()
    {
        Assert.False(SequencePresets.TryFind("aggressive", out _));
        Assert.False(SequencePresets.TryFind(null, out _));
    }

    [Fact]
    public void Presets_HaveTheStepsOfTheBrief()
    {
        Assert.Equal([(1.0, false, StepKind.Email), (24.0, true, StepKind.Email), (48.0, false, StepKind.FollowUpTask)],
            SequencePresets.Find("hybrid").Steps.Select(s => (s.Delay.TotalHours, s.Offer is not null, s.Kind)));
        Assert.Equal([(1.0, false), (24.0, true)], SequencePresets.Find("automated").Steps.Select(s => (s.Delay.TotalHours, s.Offer is not null)));
        Assert.Equal([24.0], SequencePresets.Find("gentle").Steps.Select(s => s.Delay.TotalHours));
        Assert.Contains("hybrid", SequencePresets.Names);
    }

    [Fact]
    public void Presets_PassTheValidatorAndMatchEveryCart()
    {
        foreach (var preset in SequencePresets.All)
        {
            Assert.Empty(SequenceValidator.Validate(preset, ["reminder", "offer"], [SequencePresets.SmsReminderTemplate]));
            Assert.Same(SequenceConditions.Any, preset.Conditions);
        }
    }
}
