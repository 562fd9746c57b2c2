using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class AutomationQuestionnaireTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, 1, 5, AutomationLevel.MostlyManual, "gentle")]
    [InlineData(2, 2, 2, 2, 2, 10, AutomationLevel.MostlyManual, "gentle")]
    [InlineData(3, 2, 2, 2, 2, 11, AutomationLevel.Hybrid, "standard")]
    [InlineData(3, 3, 3, 3, 3, 15, AutomationLevel.Hybrid, "standard")]
    [InlineData(4, 3, 3, 3, 3, 16, AutomationLevel.FullyAutomated, "automated")]
    [InlineData(5, 5, 5, 5, 5, 25, AutomationLevel.FullyAutomated, "automated")]
    public void Recommend_AtEachBoundary_PicksTheLevelAndItsPreset(int size, int complexity, int basket, int clientele, int brand,
        int score, AutomationLevel level, string preset)
    {
        var result = AutomationQuestionnaire.Recommend(new(size, complexity, basket, clientele, brand));

        Assert.Equal((score, level, preset), (result.Score, result.Level, result.Sequence.Name));
    }

    [Theory]
    [InlineData(0, 3, 3, 3, 3)]
    [InlineData(3, 3, 6, 3, 3)]
    public void Recommend_WhenAnAnswerIsOutOfRange_Throws(int size, int complexity, int basket, int clientele, int brand) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AutomationQuestionnaire.Recommend(new(size, complexity, basket, clientele, brand)));

    [Fact]
    public void Presets_MatchTheField()
    {
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(24)], SequencePresets.Automated.Steps.Select(s => s.Delay));
        Assert.NotNull(SequencePresets.Automated.Steps[1].Offer);
        Assert.Equal([TimeSpan.FromHours(24)], SequencePresets.Gentle.Steps.Select(s => s.Delay));
        Assert.Same(SequencePresets.Gentle, SequencePresets.Find("GENTLE"));
    }

    [Theory]
    [InlineData(3, 3, 3, 3, 3, true)]
    [InlineData(4, 4, 4, 4, 4, true)]
    [InlineData(2, 2, 2, 2, 2, false)]
    public void Recommend_WhenCustomersConsentToTexts_AddsAnSmsStepUnlessTheTeamCallsThem(int size, int complexity, int basket, int clientele,
        int brand, bool addsSms)
    {
        var result = AutomationQuestionnaire.Recommend(new(size, complexity, basket, clientele, brand, CustomersConsentToSms: true));

        Assert.Equal(addsSms, result.AddSmsStep);
        Assert.Contains(addsSms ? "add one SMS step" : "adds none", result.SmsAdvice, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_WithoutSmsConsent_SaysNothingAboutTexts()
    {
        var result = AutomationQuestionnaire.Recommend(new(4, 4, 4, 4, 4));

        Assert.False(result.AddSmsStep);
        Assert.Null(result.SmsAdvice);
    }
}
