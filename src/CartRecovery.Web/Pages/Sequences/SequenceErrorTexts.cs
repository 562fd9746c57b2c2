using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// The sequence rules' errors as a merchant reads them, in the page's language. The API words its errors for
/// developers, with the JSON path (<c>steps[0].delaySeconds must be between 0 and 2592000 (30 days)</c>) and keeps them;
/// the editor shows each error under its own field, so it says the rule only. One pattern per rule of
/// <see cref="Core.Sequences.SequenceValidator"/>; an error no pattern knows is shown as the API words it.
/// </summary>
internal static partial class SequenceErrorTexts
{
    private static readonly (Regex Rule, string Text)[] Catalogue =
    [
        (NameRule(), "Enter a name of at most {0} characters."),
        (StepsRule(), "A sequence has 1 to {0} steps."),
        (CartValueRule(), "Enter 0 or more."),
        (CartRangeRule(), "The upper cart value must not be below the lower one."),
        (CountryRule(), "Use two-letter country codes such as FR."),
        (LocaleRule(), "Use language codes such as fr or fr-CA."),
        (DelayRangeRule(), "The wait must be between 0 and 30 days."),
        (DelayOrderRule(), "This step must wait longer than the step before it."),
        (OfferOnlyEmailRule(), "Only email steps can carry an offer."),
        (VariantsOnlyEmailRule(), "Only email steps can have A/B variants."),
        (TemplateRule(), "Choose one of the templates: {0}."),
        (PercentRule(), "Enter a percentage from 1 to 100."),
        (AmountRule(), "Enter an amount above zero, up to {0} minor units."),
        (ValidityRule(), "The offer must last between 1 and {0} hours."),
        (VariantCountRule(), "Give two to {0} variants, or none."),
        (VariantKeyRule(), "Use 1 to 20 lower-case letters, digits or dashes."),
        (VariantKeyUniqueRule(), "Each variant of a step needs its own key."),
        (SubjectRule(), "Keep the subject to at most {0} characters."),
        (HoldOutRule(), "Hold out 0 to {0} % of carts."),
    ];

    /// <summary>The rule in the page's language, or the API's own words when no pattern knows it.</summary>
    public static string Say(string apiError, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(apiError);
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var (rule, text) in Catalogue)
        {
            if (rule.Match(apiError) is { Success: true } match)
                return texts[text, match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray()];
        }
        return apiError;
    }

    /// <summary>Every English text of the catalogue (the French resource must hold each one).</summary>
    public static IEnumerable<string> Texts => Catalogue.Select(c => c.Text);

    [GeneratedRegex(@"^name is required and at most (\d+) characters$")] private static partial Regex NameRule();
    [GeneratedRegex(@"^steps must hold 1 to (\d+) steps$")] private static partial Regex StepsRule();
    [GeneratedRegex(@"^conditions\.(?:min|max)CartValueMinor must be 0 or more$")] private static partial Regex CartValueRule();
    [GeneratedRegex(@"^conditions\.maxCartValueMinor must not be below")] private static partial Regex CartRangeRule();
    [GeneratedRegex(@"^each country must be an ISO 3166-1 alpha-2 code")] private static partial Regex CountryRule();
    [GeneratedRegex(@"^each locale must be a language tag")] private static partial Regex LocaleRule();
    [GeneratedRegex(@"\.delaySeconds must be between 0 and")] private static partial Regex DelayRangeRule();
    [GeneratedRegex(@"\.delaySeconds must be later than the step before it$")] private static partial Regex DelayOrderRule();
    [GeneratedRegex(@"\.offer is only for email steps$")] private static partial Regex OfferOnlyEmailRule();
    [GeneratedRegex(@"\.variants are only for email steps$")] private static partial Regex VariantsOnlyEmailRule();
    [GeneratedRegex(@"\.template must be one of (.+)$")] private static partial Regex TemplateRule();
    [GeneratedRegex(@"\.value must be a percentage from 1 to 100$")] private static partial Regex PercentRule();
    [GeneratedRegex(@"\.value must be an amount from 1 to (\d+) minor units$")] private static partial Regex AmountRule();
    [GeneratedRegex(@"\.validForHours must be between 1 and (\d+)$")] private static partial Regex ValidityRule();
    [GeneratedRegex(@" must hold 2 to (\d+) variants \(or none\)$")] private static partial Regex VariantCountRule();
    [GeneratedRegex(@"\.key must be 1 to 20 lower-case letters, digits or dashes$")] private static partial Regex VariantKeyRule();
    [GeneratedRegex(@"\.key must be unique within the step$")] private static partial Regex VariantKeyUniqueRule();
    [GeneratedRegex(@"\.subject must be 1 to (\d+) characters when given$")] private static partial Regex SubjectRule();
    [GeneratedRegex(@"^holdOutPercent must be 0 to (\d+)$")] private static partial Regex HoldOutRule();
}
