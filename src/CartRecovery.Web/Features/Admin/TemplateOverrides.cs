using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Templates;
using CartRecovery.Web.Features.Audit;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// A store's own template parts, from the API and from the pages alike: a source is saved only when
/// <see cref="TemplateValidator"/> accepts it (the same Fluid parsing, filter check, sample render and limits), and
/// every save and revert is audited.
/// </summary>
internal sealed class TemplateOverrides(ITemplateRepository templates, AuditTrail audit, TimeProvider time)
{
    /// <summary>The templates a sequence sends; "follow-up" names a task, not an email.</summary>
    public static IReadOnlyList<string> Names { get; } = SequencePresets.All
        .SelectMany(s => s.Steps)
        .Where(s => s.Kind == StepKind.Email)
        .Select(s => s.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Whether (name, locale, part) names a part a store may replace.</summary>
    public static bool IsKnown(string name, string locale, string part) =>
        Names.Contains(name, StringComparer.Ordinal) && StoreTemplate.Locales.Contains(locale, StringComparer.Ordinal)
        && StoreTemplate.Parts.Contains(part, StringComparer.Ordinal);

    /// <summary>The store's own source of the part, or null when it sends the built-in one.</summary>
    public async Task<string?> OwnSourceAsync(long storeId, string name, string locale, string part, CancellationToken ct) =>
        (await templates.ListAsync(storeId, ct)).FirstOrDefault(t => t.Name == name && t.Locale == locale && t.Part == part)?.Source;

    /// <summary>Validates, then saves and audits; an invalid source is returned with its reason and nothing is saved.</summary>
    public async Task<TemplateValidationResult> SaveAsync(Store store, string name, string locale, string part, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var validation = TemplateValidator.Validate(source);
        if (!validation.IsValid)
            return validation;
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

    private static string Target(string name, string locale, string part) => $"template:{name}/{locale}/{part}";
}
