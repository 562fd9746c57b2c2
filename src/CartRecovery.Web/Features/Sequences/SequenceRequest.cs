using CartRecovery.Core.Sequences;
using CartRecovery.Email.Templates;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// A sequence as the admin API takes it: either <c>{"preset":"hybrid"}</c> (optionally with name, priority and
/// conditions) or a full definition. Steps are numbered in the order given. <c>holdOutPercent</c> (0 to 50, default 0)
/// holds that share of enrolled carts out as a control group that gets no message.
/// </summary>
internal sealed record SequenceRequest(
    string? Preset, string? Name, int? Priority, ConditionsDto? Conditions, IReadOnlyList<StepDto>? Steps, int? HoldOutPercent = null)
{
    /// <summary>The Core definition, or the per-field errors (JSON paths) that make it unfit to save.</summary>
    public (SequenceDefinition? Definition, IReadOnlyDictionary<string, SequenceRule[]> Errors) ToDefinition(IReadOnlyCollection<string> emailTemplates,
        IReadOnlyCollection<string>? smsTemplates = null)
    {
        var errors = new Dictionary<string, List<SequenceRule>>(StringComparer.Ordinal);
        void AddRule(string field, SequenceRule rule)
        {
            if (!errors.TryGetValue(field, out var list))
                errors[field] = list = [];
            list.Add(rule);
        }
        var conditions = Conditions?.ToConditions(AddRule) ?? SequenceConditions.Any;
        SequenceDefinition? definition = null;
        if (Preset is not null)
        {
            if (Steps is not null)
                AddRule("steps", new(SequenceRuleTexts.PresetOrSteps, "give either preset or steps, not both", []));
            if (!SequencePresets.TryFind(Preset, out var preset))
                AddRule("preset", new(SequenceRuleTexts.OneOf, $"preset must be one of {string.Join(", ", SequencePresets.Names)}", []));
            else
                definition = preset with { Name = Name ?? preset.Name, Priority = Priority ?? 0, Conditions = conditions };
        }
        else if (Steps is null)
        {
            AddRule("steps", new(SequenceRuleTexts.Required, "steps (or a preset) is required", []));
        }
        else
        {
            var steps = Steps.Select((step, i) => (step ?? new StepDto(null, null, null, null, null)).ToStep(i, AddRule)).ToList();
            definition = new SequenceDefinition(Name ?? "", steps) { Priority = Priority ?? 0, Conditions = conditions };
        }

        if (definition is not null)
        {
            definition = definition with { HoldOutPercent = HoldOutPercent ?? 0 };
            foreach (var (field, rules) in SequenceValidator.Validate(definition, emailTemplates, smsTemplates))
            {
                foreach (var rule in rules)
                    AddRule(field, rule);
            }
            CheckSubjects(definition, AddRule);
        }
        var result = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return (result.Count == 0 ? definition : null, result);
    }

    // A variant subject is Liquid sent to customers: refuse what does not parse or fails with a sample cart now,
    // instead of at send time.
    private static void CheckSubjects(SequenceDefinition definition, Action<string, SequenceRule> add)
    {
        for (var s = 0; s < definition.Steps.Count; s++)
        {
            var variants = definition.Steps[s].Variants;
            for (var v = 0; v < variants.Count; v++)
            {
                if (variants[v].Subject is { Length: > 0 and <= SequenceValidator.MaxSubjectLength } subject
                    && TemplateValidator.Validate(subject) is { IsValid: false } invalid)
                    add($"steps[{s}].variants[{v}].subject", new(SequenceRuleTexts.SubjectLiquid,
                        $"steps[{s}].variants[{v}].subject is not valid Liquid: {invalid.Error}", [invalid.Error ?? ""]));
            }
        }
    }
}

internal sealed record ConditionsDto(
    long? MinCartValueMinor, long? MaxCartValueMinor, string? Customer, string? Consent, IReadOnlyList<string>? Countries, IReadOnlyList<string>? Locales)
{
    public static readonly IReadOnlyDictionary<string, CustomerCondition> CustomerNames = new Dictionary<string, CustomerCondition>(StringComparer.OrdinalIgnoreCase)
    {
        ["any"] = CustomerCondition.Any, ["new"] = CustomerCondition.New, ["returning"] = CustomerCondition.Returning,
    };

    public static readonly IReadOnlyDictionary<string, ConsentCondition> ConsentNames = new Dictionary<string, ConsentCondition>(StringComparer.OrdinalIgnoreCase)
    {
        ["any"] = ConsentCondition.Any, ["subscribed"] = ConsentCondition.Subscribed, ["not-declined"] = ConsentCondition.NotDeclined,
    };

    public SequenceConditions ToConditions(Action<string, SequenceRule> add) => new()
    {
        MinCartValueMinor = MinCartValueMinor,
        MaxCartValueMinor = MaxCartValueMinor,
        Customer = ApiNames.Parse(Customer, CustomerNames, "conditions.customer", add),
        Consent = ApiNames.Parse(Consent, ConsentNames, "conditions.consent", add),
        Countries = Countries?.Select(c => c?.Trim().ToUpperInvariant() ?? "").ToList() ?? [],
        Locales = Locales?.Select(l => l?.Trim() ?? "").ToList() ?? [],
    };

    public static ConditionsDto From(SequenceConditions c) => new(c.MinCartValueMinor, c.MaxCartValueMinor,
        ApiNames.Name(c.Customer, CustomerNames), ApiNames.Name(c.Consent, ConsentNames), c.Countries, c.Locales);
}

internal sealed record StepDto(long? DelaySeconds, string? Channel, string? Template, OfferDto? Offer, IReadOnlyList<VariantDto>? Variants)
{
    /// <summary>"task" is a follow-up task for the merchant's team; "sms" a text to the customer's mobile.</summary>
    public static readonly IReadOnlyDictionary<string, StepKind> ChannelNames = new Dictionary<string, StepKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = StepKind.Email, ["task"] = StepKind.FollowUpTask, ["sms"] = StepKind.Sms,
    };

    public SequenceStep ToStep(int index, Action<string, SequenceRule> add)
    {
        var path = $"steps[{index}]";
        if (DelaySeconds is null)
            add($"{path}.delaySeconds", ApiNames.Required($"{path}.delaySeconds"));
        if (Channel is null)
            add($"{path}.channel", ApiNames.Required($"{path}.channel"));
        var kind = ApiNames.Parse(Channel, ChannelNames, $"{path}.channel", add);
        // A task has no template of its own; the name only labels it. A text without a template sends the built-in one.
        var template = kind switch
        {
            StepKind.FollowUpTask => SequencePresets.FollowUpTemplate,
            StepKind.Sms => Template ?? SequencePresets.SmsReminderTemplate,
            _ => Template ?? "",
        };
        return new SequenceStep(index + 1, Wait(DelaySeconds ?? 0), kind, template, Offer?.ToOffer($"{path}.offer", add))
        {
            Variants = Variants?.Select(v => (v ?? new VariantDto(null, null, null)).ToVariant()).ToList() ?? [],
        };
    }

    /// <summary>A wait in seconds, clamped just outside the allowed range so the validator words the error.</summary>
    public static TimeSpan Wait(long seconds) => TimeSpan.FromSeconds(Math.Clamp(seconds, -1, (long)SequenceValidator.MaxDelay.TotalSeconds + 1));

    public static StepDto From(SequenceStep s) => new((long)s.Delay.TotalSeconds, ApiNames.Name(s.Kind, ChannelNames),
        s.Kind is StepKind.Email or StepKind.Sms ? s.Template : null, s.Offer is { } o ? OfferDto.From(o) : null,
        s.Variants.Count == 0 ? null : s.Variants.Select(VariantDto.From).ToList());
}

internal sealed record OfferDto(string? Kind, long? Value, long? ValidForHours)
{
    public static readonly IReadOnlyDictionary<string, OfferKind> KindNames = new Dictionary<string, OfferKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["percentage"] = OfferKind.Percentage, ["fixed-amount"] = OfferKind.FixedAmount, ["free-shipping"] = OfferKind.FreeShipping,
    };

    public OfferSpec ToOffer(string path, Action<string, SequenceRule> add)
    {
        if (Kind is null)
            add($"{path}.kind", ApiNames.Required($"{path}.kind"));
        var kind = ApiNames.Parse(Kind, KindNames, $"{path}.kind", add);
        var hours = Math.Clamp(ValidForHours ?? 48, -1, (long)SequenceValidator.MaxOfferValidity.TotalHours + 1);
        return new OfferSpec(kind, kind == OfferKind.FreeShipping ? 0 : Value ?? 0, TimeSpan.FromHours(hours));
    }

    public static OfferDto From(OfferSpec o) => new(ApiNames.Name(o.Kind, KindNames), o.Value, (long)o.ValidFor.TotalHours);
}

/// <summary>An A/B arm; <c>delaySeconds</c> (optional) replaces the step's wait for the carts that draw it.</summary>
internal sealed record VariantDto(string? Key, string? Subject, string? Template, long? DelaySeconds = null)
{
    public StepVariant ToVariant() => new(Key ?? "", Subject, Template, DelaySeconds is { } seconds ? StepDto.Wait(seconds) : null);

    public static VariantDto From(StepVariant v) => new(v.Key, v.Subject, v.Template, v.Delay is { } delay ? (long)delay.TotalSeconds : null);
}

/// <summary>The API spells enums as lower-case words; these map them both ways and word the error.</summary>
internal static class ApiNames
{
    public static T Parse<T>(string? value, IReadOnlyDictionary<string, T> names, string field, Action<string, SequenceRule> add) where T : struct, Enum
    {
        if (value is null)
            return default;
        if (names.TryGetValue(value, out var parsed))
            return parsed;
        add(field, new(SequenceRuleTexts.OneOf, $"{field} must be one of {string.Join(", ", names.Keys)}", []));
        return default;
    }

    /// <summary>The rule of a field left out: the API names the field, the editor asks to fill it in.</summary>
    public static SequenceRule Required(string field) => new(SequenceRuleTexts.Required, $"{field} is required", []);

    public static string Name<T>(T value, IReadOnlyDictionary<string, T> names) where T : struct, Enum =>
        names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Key;
}
