using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Sequences;

namespace CartRecovery.Web.Pages.Portfolio;

public enum AppliedKind
{
    /// <summary>The shop had no sequence of that name: it got one (version 1).</summary>
    SequenceCreated,
    /// <summary>The shop's sequence of that name got a new version.</summary>
    SequenceVersioned,
    /// <summary>The shop now runs another preset.</summary>
    PresetChanged,
    /// <summary>The shop ran that preset already.</summary>
    PresetUnchanged,
    /// <summary>Template overrides copied: <see cref="AppliedChange.Added"/> new, <see cref="AppliedChange.Replaced"/> replaced.</summary>
    TemplatesCopied,
}

/// <summary>
/// What one shop got from a bulk apply. <see cref="Changed"/> names what a new sequence version changed (English words
/// the page translates: steps, delays, offers, templates, variants, conditions, priority).
/// </summary>
public sealed record AppliedChange(Store Store, AppliedKind Kind, string Name, int? Version = null, int? PreviousVersion = null, string? Before = null,
    int Added = 0, int Replaced = 0, int Unchanged = 0)
{
    public IReadOnlyList<string> Changed { get; init; } = [];
}

/// <summary>
/// Applies one shop's sequence, a preset, or one shop's template set to several shops of the account at once. Each
/// shop gets its own copy through the use cases the single-shop pages and the API call (<see cref="SequenceChanges"/>,
/// <see cref="TemplateOverrides"/>): the same checks, a new version per shop, the same audit entries.
/// </summary>
internal sealed class BulkApply(SequenceChanges changes, TemplateOverrides overrides, ISequenceRepository sequences, ITemplateRepository templates)
{
    public async Task<IReadOnlyList<AppliedChange>> SequenceAsync(StoreSequence source, IReadOnlyList<Store> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var applied = new List<AppliedChange>();
        foreach (var target in targets)
        {
            var same = (await sequences.ListAsync(target.Id, ct)).FirstOrDefault(s => s.Active && s.Definition.Name == source.Definition.Name);
            if (same is not null && (await changes.UpdateAsync(target, same.Id, source.Definition, ct)).Saved is { } updated)
            {
                applied.Add(new(target, AppliedKind.SequenceVersioned, source.Definition.Name, updated.Version, same.Version)
                {
                    Changed = SequenceDifferences.Between(same.Definition, updated.Definition),
                });
                continue;
            }
            if ((await changes.CreateAsync(target, source.Definition, ct)).Saved is { } created)
                applied.Add(new(target, AppliedKind.SequenceCreated, source.Definition.Name, created.Version));
        }
        return applied;
    }

    public async Task<IReadOnlyList<AppliedChange>> PresetAsync(SequenceDefinition preset, IReadOnlyList<Store> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var applied = new List<AppliedChange>();
        foreach (var target in targets)
        {
            if (SequencePresets.Find(target.Sequence).Name == preset.Name)
            {
                applied.Add(new(target, AppliedKind.PresetUnchanged, preset.Name));
                continue;
            }
            await changes.UsePresetAsync(target, preset, ct);
            applied.Add(new(target, AppliedKind.PresetChanged, preset.Name, Before: target.Sequence));
        }
        return applied;
    }

    public async Task<IReadOnlyList<AppliedChange>> TemplatesAsync(Store source, IReadOnlyList<Store> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var set = await templates.ListAsync(source.Id, ct);
        var applied = new List<AppliedChange>();
        foreach (var target in targets)
        {
            var own = (await templates.ListAsync(target.Id, ct)).ToDictionary(t => (t.Name, t.Locale, t.Part));
            int added = 0, replaced = 0, unchanged = 0;
            foreach (var template in set)
            {
                var before = own.GetValueOrDefault((template.Name, template.Locale, template.Part))?.Source;
                if (before == template.Source)
                {
                    unchanged++;
                    continue;
                }
                // Checked again like any save: a source the rules refuse now is left out and counts as unchanged.
                if (!(await overrides.SaveAsync(target, template.Name, template.Locale, template.Part, template.Source, ct)).IsValid)
                    unchanged++;
                else if (before is null)
                    added++;
                else
                    replaced++;
            }
            applied.Add(new(target, AppliedKind.TemplatesCopied, source.Name, Added: added, Replaced: replaced, Unchanged: unchanged));
        }
        return applied;
    }
}
