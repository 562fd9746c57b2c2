using System.Globalization;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Templates;
using CartRecovery.Sms.Preview;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Sequences;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// A store's own template parts, from the API and from the pages alike: a source is saved only when
/// <see cref="TemplateValidator"/> accepts it (the same Fluid parsing, filter check, sample render and limits), and
/// every save and revert is audited.
/// </summary>
internal sealed class TemplateOverrides(ITemplateRepository templates, AuditTrail audit, SmsStepCheck sms, TimeProvider time)
{
    /// <summary>The templates a sequence sends; "follow-up" names a task, not an email.</summary>
    public static IReadOnlyList<string> Names { get; } = SequencePresets.All
        .SelectMany(s => s.Steps)
        .Where(s => s.Kind == StepKind.Email)
        .Select(s => s.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The texts (SMS) a sequence sends: one part each, <see cref="StoreTemplate.TextPart"/>.</summary>
    public static IReadOnlyList<string> TextNames { get; } = SequencePresets.All
        .SelectMany(s => s.Steps)
        .Where(s => s.Kind == StepKind.Sms)
        .Select(s => s.Template)
        .Append(SequencePresets.SmsReminderTemplate)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Whether <paramref name="name"/> is a text (SMS) template rather than an email.</summary>
    public static bool IsText(string name) => TextNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The parts a store may replace in a template: an email's subject, HTML and text; a text's text.</summary>
    public static IReadOnlyList<string> PartsOf(string name) => IsText(name) ? [StoreTemplate.TextPart] : StoreTemplate.Parts;

    /// <summary>Whether (name, locale, part) names a part a store may replace.</summary>
    public static bool IsKnown(string name, string locale, string part) =>
        (Names.Contains(name, StringComparer.Ordinal) || IsText(name)) && StoreTemplate.Locales.Contains(locale, StringComparer.Ordinal)
        && PartsOf(name).Contains(part, StringComparer.Ordinal);

    /// <summary>The store's own source of the part, or null when it sends the built-in one.</summary>
    public async Task<string?> OwnSourceAsync(long storeId, string name, string locale, string part, CancellationToken ct) =>
        (await templates.ListAsync(storeId, ct)).FirstOrDefault(t => t.Name == name && t.Locale == locale && t.Part == part)?.Source;

    /// <summary>
    /// Validates, then saves and audits; an invalid source is returned with its reason and nothing is saved. A text
    /// must also fit the store's part limit with the shop's name, the short link and the opt-out mention it always
    /// carries (<see cref="SmsStepCheck"/>), as a sequence's text step must.
    /// </summary>
    public async Task<TemplateValidationResult> SaveAsync(Store store, string name, string locale, string part, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var validation = TemplateValidator.Validate(source);
        if (!validation.IsValid)
            return validation;
        if (IsText(name))
        {
            var (preview, maxParts) = await sms.DraftAsync(store, new StoreTemplate(store.Id, name, locale, part, source, time.GetUtcNow()), ct);
            if (!preview.Budget.Fits(maxParts))
                return TemplateValidationResult.Invalid(TooLong(preview, locale, maxParts));
        }
        var before = await OwnSourceAsync(store.Id, name, locale, part, ct);
        await templates.SaveAsync(new StoreTemplate(store.Id, name, locale, part, source, time.GetUtcNow()), ct);
        await audit.RecordAsync(store, "template.save", before is null ? null : new { source = before }, new { source }, ct, Target(name, locale, part));
        return validation;
    }

    /// <summary>Deletes the store's own part (the built-in one is sent again); false when it had none.</summary>
    public async Task<bool> RevertAsync(Store store, string name, string locale, string part, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var before = await OwnSourceAsync(store.Id, name, locale, part, ct);
        if (!await templates.DeleteAsync(store.Id, name, locale, part, ct))
            return false;
        await audit.RecordAsync(store, "template.delete", new { source = before }, null, ct, Target(name, locale, part));
        return true;
    }

    /// <summary>Why a text was refused: its parts, length and encoding against the store's limit.</summary>
    public static string TooLong(SmsPreview preview, string locale, int maxParts) => string.Create(CultureInfo.InvariantCulture,
        $"The text makes {preview.Budget.Parts} parts ({preview.Text.Length} characters, {preview.Budget.Encoding}) in '{locale}' with the shop name, the short link and the opt-out mention; this store allows at most {maxParts} parts");

    private static string Target(string name, string locale, string part) => $"template:{name}/{locale}/{part}";
}
