namespace CartRecovery.Core.Sequences;

public enum AutomationLevel
{
    /// <summary>Score 5–10: the team recovers carts by hand; automation only nudges once.</summary>
    MostlyManual,
    /// <summary>Score 11–15: automatic reminders, then a person follows up.</summary>
    Hybrid,
    /// <summary>Score 16–25: the sequence runs on its own.</summary>
    FullyAutomated,
}

/// <summary>The five answers, each 1 (small, simple, cheap, few regulars, premium brand) to 5.</summary>
public sealed record QuestionnaireAnswers(int StoreSize, int ProductComplexity, int BasketValue, int Clientele, int BrandPositioning);

public sealed record AutomationRecommendation(int Score, AutomationLevel Level, SequenceDefinition Sequence);

/// <summary>
/// The short questionnaire of the product brief: five factors scored 1–5 and summed; 5–10 recommends mostly manual
/// recovery, 11–15 hybrid, 16–25 fully automated, each with the preset that carries it out.
/// </summary>
public static class AutomationQuestionnaire
{
    public static AutomationRecommendation Recommend(QuestionnaireAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        int[] scores = [answers.StoreSize, answers.ProductComplexity, answers.BasketValue, answers.Clientele, answers.BrandPositioning];
        if (scores.Any(s => s is < 1 or > 5))
            throw new ArgumentOutOfRangeException(nameof(answers), "Every answer is scored 1 to 5.");
        var score = scores.Sum();
        return score switch
        {
            <= 10 => new(score, AutomationLevel.MostlyManual, SequencePresets.Gentle),
            <= 15 => new(score, AutomationLevel.Hybrid, SequencePresets.Standard),
            _ => new(score, AutomationLevel.FullyAutomated, SequencePresets.Automated),
        };
    }
}
