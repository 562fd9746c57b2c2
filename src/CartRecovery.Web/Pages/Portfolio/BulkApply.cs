using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Audit;
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

/// <summary>What one shop got from a bulk apply.</summary>
public sealed record AppliedChange(Store Store, AppliedKind Kind, string Name, int? Version = null, int? PreviousVersion = null, string? Before = null,
    int Added = 0, int Replaced = 0, int Unchanged = 0);

/// <summary>
/// Applies one shop's sequence, a preset, or one shop's template set to several shops of the account at once. Each
/// shop gets its own copy through the same stores, versioning and audit entries as the single-shop API calls
/// (<c>sequence.create</c>/<c>sequence.update</c>, <c>store.settings</c>, <c>template.save</c>).
/// </summary>
internal sealed class BulkApply(ISequenceStore sequences, ITemplateStore templates, IStoreRepository stores, AuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AppliedChange>> SequenceAsync(StoreSequence source, IReadOnlyList<Store> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var changes = new List<AppliedChange>();
        foreach (var target in targets)
        {
            var now = time.GetUtcNow();
            var same = (await sequences.ListAsync(target.Id, ct)).FirstOrDefault(s => s.Active && s.Definition.Name == source.Definition.Name);
            if (same is not null && await sequences.UpdateAsync(target.Id, same.Id, source.Definition, now, ct) is { } updated)
            {
                await audit.RecordAsync(target, "sequence.update", SequenceResponse.From(same), SequenceResponse.From(updated), ct, $"sequence:{same.Id}");
                changes.Add(new(target, AppliedKind.SequenceVersioned, source.Definition.Name, updated.Version, same.Version));
                continue;
            }
            var created = await sequences.CreateAsync(target.Id, source.Definition, now, ct);
            await audit.RecordAsync(target, "sequence.create", null, SequenceResponse.From(created), ct, $"sequence:{created.Id}");
            changes.Add(new(target, AppliedKind.SequenceCreated, source.Definition.Name, created.Version));
        }
        return changes;
    }

    public async Task<IReadOnlyList<AppliedChange>> PresetAsync(SequenceDefinition preset, IReadOnlyList<Store> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var changes = new List<AppliedChange>();
        foreach (var target in targets)
        {
            if (SequencePresets.Find(target.Sequence).Name == preset.Name)
            {
                changes.Add(new(target, AppliedKind.PresetUnchanged, preset.Name));
                continue;
            }
            var updated = await stores.UpsertAsync(target with { Sequence = preset.Name }, ct);
            await audit.RecordAsync(updated, "store.settings", StoreDto.From(target), StoreDto.From(updated), ct);
            changes.Add(new(target, AppliedKind.PresetChanged, preset.Name, Before: target.Sequence));
        }
        return changes;
    }

    public async Task<IReadOnlyList<AppliedChange>> TemplatesAsync(Store source, IReadOnlyList<Store> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var set = await templates.ListAsync(source.Id, ct);
        var changes = new List<AppliedChange>();
        foreach (var target in targets)
        {
            var own = (await templates.ListAsync(target.Id, ct)).ToDictionary(t => (t.Name, t.Locale, t.Part));
            int added = 0, replaced = 0, unchanged = 0;
            foreach (var template in set)
            {
                var key = (template.Name, template.Locale, template.Part);
                var before = own.GetValueOrDefault(key)?.Source;
                if (before == template.Source)
                {
                    unchanged++;
                    continue;
                }
                // The source passed the template checks when it was saved in the first shop; the rules don't depend on the shop.
                await templates.SaveAsync(template with { StoreId = target.Id, UpdatedAt = time.GetUtcNow() }, ct);
                await audit.RecordAsync(target, "template.save", before is null ? null : new { source = before }, new { source = template.Source }, ct,
                    $"template:{template.Name}/{template.Locale}/{template.Part}");
                if (before is null)
                    added++;
                else
                    replaced++;
            }
            changes.Add(new(target, AppliedKind.TemplatesCopied, source.Name, Added: added, Replaced: replaced, Unchanged: unchanged));
        }
        return changes;
    }
}
