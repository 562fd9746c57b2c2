namespace CartRecovery.Core.Sequences;

/// <summary>
/// The codes of <see cref="SequenceValidator"/>'s rules and their English words for a merchant, with <c>{0}</c>, <c>{1}</c>…
/// for the arguments. The editor passes a translation of these words (the English text is the key of the page's French
/// resources); the API keeps its own text (<see cref="SequenceRule.Api"/>).
/// </summary>
public static class SequenceRuleTexts
{
    public const string Text = "text";
    public const string Name = "name";
    public const string StepCount = "steps.count";
    public const string CartValue = "conditions.cartValue";
    public const string CartRange = "conditions.cartRange";
    public const string Country = "conditions.country";
    public const string Locale = "conditions.locale";
    public const string DelayRange = "step.delay";
    public const string DelayOrder = "step.delayOrder";
    public const string SmsUnavailable = "step.smsUnavailable";
    public const string Template = "step.template";
    public const string OfferOnlyEmail = "step.offerOnlyEmail";
    public const string VariantsOnlyEmail = "step.variantsOnlyEmail";
    public const string Percent = "offer.percent";
    public const string Amount = "offer.amount";
    public const string Validity = "offer.validity";
    public const string VariantCount = "variants.count";
    public const string VariantKey = "variant.key";
    public const string VariantKeyUnique = "variant.keyUnique";
    public const string Subject = "variant.subject";
    public const string SmsParts = "step.smsParts";
    public const string HoldOut = "holdOut";
    public const string Required = "required";
    public const string OneOf = "oneOf";
    public const string PresetOrSteps = "presetOrSteps";
    public const string SubjectLiquid = "variant.subjectLiquid";

    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Text] = "{0}",
        [Name] = "Enter a name of at most {0} characters.",
        [StepCount] = "A sequence has 1 to {0} steps.",
        [CartValue] = "Enter 0 or more.",
        [CartRange] = "The upper cart value must not be below the lower one.",
        [Country] = "Use two-letter country codes such as FR.",
        [Locale] = "Use language codes such as fr or fr-CA.",
        [DelayRange] = "The wait must be between 0 and 30 days.",
        [DelayOrder] = "This wait must be longer than every wait of the step before it.",
        [SmsUnavailable] = "Texts are not set up on this deployment; choose email or a follow-up task.",
        [Template] = "Choose one of the templates: {0}.",
        [OfferOnlyEmail] = "Only email steps can carry an offer.",
        [VariantsOnlyEmail] = "Only email steps can have A/B variants.",
        [Percent] = "Enter a percentage from 1 to 100.",
        [Amount] = "Enter an amount above zero, up to {0} minor units.",
        [Validity] = "The offer must last between 1 and {0} hours.",
        [VariantCount] = "Give two to {0} variants, or none.",
        [VariantKey] = "Use 1 to 20 lower-case letters, digits or dashes.",
        [VariantKeyUnique] = "Each variant of a step needs its own key.",
        [Subject] = "Keep the subject to at most {0} characters.",
        [HoldOut] = "Hold out 0 to {0} % of carts.",
        [Required] = "Fill in this field.",
        [OneOf] = "Choose one of the values offered.",
        [PresetOrSteps] = "Give either a preset or steps, not both.",
        [SubjectLiquid] = "The subject is not valid Liquid: {0}",
        [SmsParts] = "This text makes {0} parts in '{1}' with the shop name and the opt-out mention; this shop allows at most {2}.",
    };
}
