using System.Text.RegularExpressions;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// The rules a store's own sequence must follow before it is saved. Errors are keyed by the JSON path of the field
/// (<c>steps[1].offer.value</c>); each is a <see cref="SequenceRule"/> (a code for the editor's words, the API's text
/// for a 400 problem). Liquid in variant subjects is checked
/// by the caller (Core has no template engine).
/// </summary>
public static partial class SequenceValidator
{
    public const int MaxNameLength = 100;
    public const int MaxSteps = 10;
    public const int MaxVariants = 5;
    public const int MaxSubjectLength = 500;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxOfferValidity = TimeSpan.FromDays(365);

    /// <param name="definition">The sequence as the merchant sent it.</param>
    /// <param name="emailTemplates">The template names an email step (or variant) may send.</param>
    /// <param name="smsTemplates">The template names an SMS step may send; none (null) refuses SMS steps. Whether a step's
    /// text fits the store's parts is checked by the caller (Core has no template engine).</param>
    public static IReadOnlyDictionary<string, SequenceRule[]> Validate(SequenceDefinition definition, IReadOnlyCollection<string> emailTemplates,
        IReadOnlyCollection<string>? smsTemplates = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(emailTemplates);
        var errors = new Dictionary<string, List<SequenceRule>>(StringComparer.Ordinal);
        void Add(string field, SequenceRule rule)
        {
            if (!errors.TryGetValue(field, out var list))
                errors[field] = list = [];
            list.Add(rule);
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > MaxNameLength)
            Add("name", new(SequenceRuleTexts.Name, $"name is required and at most {MaxNameLength} characters", [MaxNameLength]));
        ValidateConditions(definition.Conditions, Add);
        if (definition.HoldOutPercent is < 0 or > ControlGroup.MaxPercent)
            Add("holdOutPercent", new(SequenceRuleTexts.HoldOut, $"holdOutPercent must be 0 to {ControlGroup.MaxPercent}", [ControlGroup.MaxPercent]));

        if (definition.Steps.Count is 0 or > MaxSteps)
            Add("steps", new(SequenceRuleTexts.StepCount, $"steps must hold 1 to {MaxSteps} steps", [MaxSteps]));
        for (var i = 0; i < definition.Steps.Count; i++)
            ValidateStep(definition.Steps[i], i > 0 ? definition.Steps[i - 1] : null, $"steps[{i}]", emailTemplates, smsTemplates ?? [], Add);

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void ValidateConditions(SequenceConditions conditions, Action<string, SequenceRule> add)
    {
        if (conditions.MinCartValueMinor < 0)
            add("conditions.minCartValueMinor", new(SequenceRuleTexts.CartValue, "conditions.minCartValueMinor must be 0 or more", []));
        if (conditions.MaxCartValueMinor < 0)
            add("conditions.maxCartValueMinor", new(SequenceRuleTexts.CartValue, "conditions.maxCartValueMinor must be 0 or more", []));
        if (conditions.MinCartValueMinor > conditions.MaxCartValueMinor)
            add("conditions.maxCartValueMinor", new(SequenceRuleTexts.CartRange, "conditions.maxCartValueMinor must not be below conditions.minCartValueMinor", []));
        for (var i = 0; i < conditions.Countries.Count; i++)
        {
            if (!CountryCode().IsMatch(conditions.Countries[i] ?? ""))
                add($"conditions.countries[{i}]", new(SequenceRuleTexts.Country, "each country must be an ISO 3166-1 alpha-2 code such as FR", []));
        }
        for (var i = 0; i < conditions.Locales.Count; i++)
        {
            if (!LanguageTag().IsMatch(conditions.Locales[i] ?? ""))
                add($"conditions.locales[{i}]", new(SequenceRuleTexts.Locale, "each locale must be a language tag such as fr or fr-CA", []));
        }
    }

    private static void ValidateStep(SequenceStep step, SequenceStep? previous, string path, IReadOnlyCollection<string> templates,
        IReadOnlyCollection<string> smsTemplates, Action<string, SequenceRule> add)
    {
        if (!InRange(step.Delay))
            add($"{path}.delaySeconds", new(SequenceRuleTexts.DelayRange, $"{path}.delaySeconds must be between 0 and {MaxDelay.TotalSeconds:0} (30 days)", []));
        else if (previous is not null && step.Delay <= previous.DelayRange.Latest)
            add($"{path}.delaySeconds", new(SequenceRuleTexts.DelayOrder, $"{path}.delaySeconds must be later than the step before it (each of its variants)", []));

        if (step.Kind == StepKind.Sms)
        {
            if (smsTemplates.Count == 0)
                add($"{path}.channel", new(SequenceRuleTexts.SmsUnavailable, $"{path}.channel sms is not available: texts are not set up on this deployment", []));
            else if (!smsTemplates.Contains(step.Template))
                add($"{path}.template", OneOf($"{path}.template", smsTemplates));
            // A text has no room for a code and its terms, and an A/B test of texts needs the results SMS does not have yet.
            if (step.Offer is not null)
                add($"{path}.offer", new(SequenceRuleTexts.OfferOnlyEmail, $"{path}.offer is only for email steps", []));
            if (step.Variants.Count > 0)
                add($"{path}.variants", new(SequenceRuleTexts.VariantsOnlyEmail, $"{path}.variants are only for email steps", []));
            return;
        }

        if (step.Kind == StepKind.FollowUpTask)
        {
            if (step.Offer is not null)
                add($"{path}.offer", new(SequenceRuleTexts.OfferOnlyEmail, $"{path}.offer is only for email steps", []));
            if (step.Variants.Count > 0)
                add($"{path}.variants", new(SequenceRuleTexts.VariantsOnlyEmail, $"{path}.variants are only for email steps", []));
            return;
        }

        if (!templates.Contains(step.Template))
            add($"{path}.template", OneOf($"{path}.template", templates));
        if (step.Offer is { } offer)
            ValidateOffer(offer, $"{path}.offer", add);
        if (step.Variants.Count > 0)
            ValidateVariants(step, previous, $"{path}.variants", templates, add);
    }

    private static bool InRange(TimeSpan delay) => delay >= TimeSpan.Zero && delay <= MaxDelay;

    /// <summary>The bounds of an offer (a step's, or a returning customer's in the sending policy).</summary>
    public static void ValidateOffer(OfferSpec offer, string path, Action<string, SequenceRule> add)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(add);
        if (offer.Kind == OfferKind.Percentage && offer.Value is < 1 or > 100)
            add($"{path}.value", new(SequenceRuleTexts.Percent, $"{path}.value must be a percentage from 1 to 100", []));
        if (offer.Kind == OfferKind.FixedAmount && offer.Value is < 1 or > OfferRules.MaxFixedAmountMinor)
            add($"{path}.value", new(SequenceRuleTexts.Amount, $"{path}.value must be an amount from 1 to {OfferRules.MaxFixedAmountMinor} minor units", [OfferRules.MaxFixedAmountMinor]));
        if (offer.ValidFor <= TimeSpan.Zero || offer.ValidFor > MaxOfferValidity)
            add($"{path}.validForHours", new(SequenceRuleTexts.Validity, $"{path}.validForHours must be between 1 and {MaxOfferValidity.TotalHours:0}", [(int)MaxOfferValidity.TotalHours]));
    }

    // A variant's wait keeps the steps in order: each step's waits all come after every wait of the step before, so a
    // cart never gets step 2 before step 1 whatever variants it drew.
    private static void ValidateVariants(SequenceStep step, SequenceStep? previous, string path, IReadOnlyCollection<string> templates,
        Action<string, SequenceRule> add)
    {
        var variants = step.Variants;
        if (variants.Count is < 2 or > MaxVariants)
            add(path, new(SequenceRuleTexts.VariantCount, $"{path} must hold 2 to {MaxVariants} variants (or none)", [MaxVariants]));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            if (variant.Key is not { } key || !VariantKey().IsMatch(key))
                add($"{path}[{i}].key", new(SequenceRuleTexts.VariantKey, $"{path}[{i}].key must be 1 to 20 lower-case letters, digits or dashes", []));
            else if (!seen.Add(key))
                add($"{path}[{i}].key", new(SequenceRuleTexts.VariantKeyUnique, $"{path}[{i}].key must be unique within the step", []));
            if (variant.Subject is { } subject && (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength))
                add($"{path}[{i}].subject", new(SequenceRuleTexts.Subject, $"{path}[{i}].subject must be 1 to {MaxSubjectLength} characters when given", [MaxSubjectLength]));
            if (variant.Template is { } template && !templates.Contains(template))
                add($"{path}[{i}].template", OneOf($"{path}[{i}].template", templates));
            if (variant.Delay is { } delay && !InRange(delay))
                add($"{path}[{i}].delaySeconds", new(SequenceRuleTexts.DelayRange, $"{path}[{i}].delaySeconds must be between 0 and {MaxDelay.TotalSeconds:0} (30 days)", []));
            else if (variant.Delay is { } later && previous is not null && later <= previous.DelayRange.Latest)
                add($"{path}[{i}].delaySeconds", new(SequenceRuleTexts.DelayOrder, $"{path}[{i}].delaySeconds must be later than the step before it (each of its variants)", []));
        }
    }

    private static SequenceRule OneOf(string field, IReadOnlyCollection<string> names) =>
        new(SequenceRuleTexts.Template, $"{field} must be one of {string.Join(", ", names)}", [string.Join(", ", names)]);

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,19}$")]
    private static partial Regex VariantKey();
}
