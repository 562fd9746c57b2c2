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

/// <summary>
/// The five answers, each 1 (small, simple, cheap, few regulars, premium brand) to 5, and a sixth: whether the store's
/// customers agree to texts (they tick an SMS consent box, or the store declares they do).
/// </summary>
public sealed record QuestionnaireAnswers(int StoreSize, int ProductComplexity, int BasketValue, int Clientele, int BrandPositioning,
    bool CustomersConsentToSms = false);

/// <summary>The level, its preset, and whether to add an SMS step to it (<see cref="SmsAdvice"/> says why, or why not).</summary>
public sealed record AutomationRecommendation(int Score, AutomationLevel Level, SequenceDefinition Sequence)
{
    /// <summary>Add one SMS step (<see cref="AutomationQuestionnaire.SmsStepDelay"/> after abandonment) to the preset.</summary>
    public bool AddSmsStep { get; init; }

    /// <summary>Why an SMS step is or is not recommended; null when the customers do not consent to texts.</summary>
    public string? SmsAdvice { get; init; }
}

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
        AutomationRecommendation recommendation = score switch
        {
            <= 10 => new(score, AutomationLevel.MostlyManual, SequencePresets.Gentle),
            <= 15 => new(score, AutomationLevel.Hybrid, SequencePresets.Standard),
            _ => new(score, AutomationLevel.FullyAutomated, SequencePresets.Automated),
        };
        if (!answers.CustomersConsentToSms)
            return recommendation;
        return recommendation.Level == AutomationLevel.MostlyManual
            ? recommendation with { SmsAdvice = NoSmsWhenManual }
            : recommendation with { AddSmsStep = true, SmsAdvice = SmsWhenAutomated };
    }

    /// <summary>When the recommended SMS step goes out: after the first email has had its chance, the same day.</summary>
    public static readonly TimeSpan SmsStepDelay = TimeSpan.FromHours(3);

    private const string SmsWhenAutomated =
        "Your customers agreed to texts: add one SMS step about 3 hours after the cart was left, between the first email and "
        + "the offer. Texts are read within minutes where an email may wait unopened; one short text (one part, 160 characters) "
        + "with the restore link is enough, and it only goes to customers who consented, Monday to Saturday 08:00-20:00, "
        + "never on Sundays or public holidays.";

    private const string NoSmsWhenManual =
        "Your customers agreed to texts, but your team follows up in person: a text from the sequence would arrive beside their "
        + "call or message, so the recommendation adds none. Add one later if the team cannot reach everyone.";
}
