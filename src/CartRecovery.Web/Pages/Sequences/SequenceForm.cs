using System.Globalization;
using CartRecovery.Core;
using CartRecovery.Core.Sequences;
using CartRecovery.Web.Features.Sequences;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// The sequence editor's form as a merchant fills it in: delays with a unit, money in the shop's currency, lists as
/// comma-separated text. It becomes the API's <see cref="SequenceRequest"/>, so the page gets exactly the API's
/// validation, with errors keyed by the same paths (<c>steps[0].delaySeconds</c>).
/// </summary>
public sealed class SequenceForm
{
    public const int MaxVariantRows = SequenceValidator.MaxVariants;

    public string? Name { get; set; }
    public int? Priority { get; set; }
    /// <summary>The control group's share in percent, as typed (text, so "abc" gets the API's error rather than a binder's).</summary>
    public string? HoldOutPercent { get; set; }
    // Amounts are text: the number inputs of a French page may send "12,50", which the form binder would refuse.
    public string? MinCartValue { get; set; }
    public string? MaxCartValue { get; set; }
    public string Customer { get; set; } = "any";
    public string Consent { get; set; } = "any";
    public string? Countries { get; set; }
    public string? Locales { get; set; }
    public List<StepForm> Steps { get; set; } = [];

    /// <summary>The step (index) whose email the preview shows.</summary>
    public int PreviewStep { get; set; }

    /// <summary>The shop's cart the preview renders for; null = a sample cart.</summary>
    public long? PreviewCart { get; set; }

    internal SequenceRequest ToRequest(string currency) => new(null, Name ?? "", Priority,
        new ConditionsDto(Minor(MinCartValue, currency), Minor(MaxCartValue, currency), Customer, Consent, List(Countries), List(Locales)),
        Steps.Select(s => s.ToDto(currency)).ToList(),
        Number(HoldOutPercent) is { } percent ? (percent == decimal.Truncate(percent) && percent <= int.MaxValue ? (int)percent : -1) : null);

    internal static SequenceForm From(SequenceDefinition definition, string currency) => new()
    {
        Name = definition.Name,
        Priority = definition.Priority,
        HoldOutPercent = definition.HoldOutPercent.ToString(CultureInfo.InvariantCulture),
        MinCartValue = Text(Major(definition.Conditions.MinCartValueMinor, currency)),
        MaxCartValue = Text(Major(definition.Conditions.MaxCartValueMinor, currency)),
        Customer = ConditionsDto.From(definition.Conditions).Customer ?? "any",
        Consent = ConditionsDto.From(definition.Conditions).Consent ?? "any",
        Countries = definition.Conditions.Countries.Count == 0 ? null : string.Join(", ", definition.Conditions.Countries),
        Locales = definition.Conditions.Locales.Count == 0 ? null : string.Join(", ", definition.Conditions.Locales),
        Steps = definition.Steps.Select(s => StepForm.From(s, currency)).ToList(),
    };

    internal static long? Minor(string? major, string currency) => Number(major) is { } value
        ? (long)Math.Round(value * (decimal)Math.Pow(10, Money.Decimals(currency)), MidpointRounding.AwayFromZero)
        : null;

    /// <summary>
    /// A number typed with a point or a comma; null when empty. Text that is no number reads as -1, which every
    /// amount rule of the API refuses with its own message, so the field shows the API's error.
    /// </summary>
    internal static decimal? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : -1;

    internal static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static decimal? Major(long? minor, string currency) => minor is { } value ? Money.ToMajor(value, currency) : null;

    /// <summary>An offer as a form types it (an amount in the shop's currency, a percentage as a number); null for none.</summary>
    internal static OfferDto? Offer(string? kind, string? value, long? hours, string currency) => string.IsNullOrEmpty(kind) ? null
        : new OfferDto(kind, kind == "fixed-amount" ? Minor(value, currency) : Number(value) is { } number ? (long)Math.Round(number) : null, hours);

    /// <summary>An offer's value as a form shows it: an amount in major units, a percentage as is.</summary>
    internal static string? OfferValue(OfferDto? offer, string currency) =>
        Text(offer is { Kind: "fixed-amount", Value: var minor } ? Major(minor, currency) : offer?.Value);

    private static List<string>? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>One step of the editor's form.</summary>
public sealed class StepForm
{
    /// <summary>Delay units the editor offers, in seconds.</summary>
    public static readonly IReadOnlyList<(string Unit, long Seconds)> Units = [("minutes", 60), ("hours", 3600), ("days", 86400), ("seconds", 1)];

    public long? Delay { get; set; }
    public string Unit { get; set; } = "hours";
    public string Channel { get; set; } = "email";
    public string? Template { get; set; }
    /// <summary>Empty: no offer.</summary>
    public string? OfferKind { get; set; }
    public string? OfferValue { get; set; }
    public long? OfferHours { get; set; }
    public List<VariantForm> Variants { get; set; } = [];

    internal StepDto ToDto(string currency)
    {
        var offer = SequenceForm.Offer(OfferKind, OfferValue, OfferHours, currency);
        var variants = Variants.Where(v => !v.IsBlank)
            .Select(v => new VariantDto(v.Key?.Trim(), Blank(v.Subject), Blank(v.Template), Seconds(v.Delay, v.Unit))).ToList();
        return new StepDto(Seconds(Delay, Unit), Channel, Blank(Template), offer, variants.Count == 0 ? null : variants);
    }

    internal static StepForm From(SequenceStep step, string currency)
    {
        var (delay, unit) = InUnit(step.Delay);
        var dto = StepDto.From(step);
        return new StepForm
        {
            Delay = delay,
            Unit = unit,
            Channel = dto.Channel ?? "email",
            Template = dto.Template,
            OfferKind = dto.Offer?.Kind,
            OfferValue = SequenceForm.OfferValue(dto.Offer, currency),
            OfferHours = dto.Offer?.ValidForHours,
            Variants = step.Variants.Select(v => VariantForm.From(v, unit)).ToList(),
        };
    }

    /// <summary>A wait typed in a unit, in seconds (an unknown unit counts as hours).</summary>
    internal static long? Seconds(long? value, string? unit) =>
        value is { } number ? checked(number * (Units.FirstOrDefault(u => u.Unit == unit).Seconds is > 0 and var size ? size : 3600)) : null;

    /// <summary>A wait in the largest unit that divides it.</summary>
    internal static (long Value, string Unit) InUnit(TimeSpan wait)
    {
        var seconds = (long)wait.TotalSeconds;
        var (unit, size) = Units.Where(u => u.Seconds > 1).OrderByDescending(u => u.Seconds).FirstOrDefault(u => seconds % u.Seconds == 0);
        return size == 0 ? (seconds, "seconds") : (seconds / size, unit);
    }

    /// <summary>The unit's word for this delay: "hour" for 1, "hours" otherwise.</summary>
    internal string UnitWord => Delay is 1 ? Unit.TrimEnd('s') : Unit;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>An A/B variant row; a blank row is ignored. An empty <see cref="Delay"/> keeps the step's wait.</summary>
public sealed class VariantForm
{
    public string? Key { get; set; }
    public string? Subject { get; set; }
    public string? Template { get; set; }
    public long? Delay { get; set; }
    public string Unit { get; set; } = "hours";

    internal bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Template) && Delay is null;

    internal static VariantForm From(StepVariant variant, string stepUnit)
    {
        var (delay, unit) = variant.Delay is { } wait ? StepForm.InUnit(wait) : ((long?)null, stepUnit);
        return new VariantForm { Key = variant.Key, Subject = variant.Subject, Template = variant.Template, Delay = delay, Unit = unit };
    }
}
