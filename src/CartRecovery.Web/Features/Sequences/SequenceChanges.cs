using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Templates;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Audit;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// Every change to a store's own sequences, from the API and from the pages alike: the request is checked by
/// <see cref="SequenceRequest.ToDefinition"/> (nothing is stored when it has errors), each save adds an immutable
/// version, and every change is audited.
/// </summary>
internal sealed class SequenceChanges(ISequenceRepository sequences, IStoreRepository stores, TemplateCatalog catalog, SmsStepCheck sms,
    AuditTrail audit, TimeProvider time)
{
    /// <summary>The result of a create or update: the saved version, or the per-field errors (JSON paths) and nothing saved.</summary>
    public sealed record Outcome(StoreSequence? Saved, IReadOnlyDictionary<string, SequenceRule[]> Errors);

    /// <summary>The template names an email step may send.</summary>
    public IReadOnlyCollection<string> EmailTemplates => catalog.Names;

    /// <summary>The template names an SMS step may send.</summary>
    public IReadOnlyCollection<string> SmsTemplates => sms.Templates;

    public (SequenceDefinition? Definition, IReadOnlyDictionary<string, SequenceRule[]> Errors) Check(SequenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ToDefinition(catalog.Names, sms.Templates);
    }

    public async Task<Outcome> CreateAsync(Store store, SequenceRequest request, CancellationToken ct)
    {
        var (definition, errors) = Check(request);
        return definition is null ? new(null, errors) : await CreateAsync(store, definition, ct);
    }

    /// <summary>
    /// Creates a sequence from a definition that is already built (another shop's sequence, copied by the portfolio);
    /// it is checked against the same rules as a request.
    /// </summary>
    public async Task<Outcome> CreateAsync(Store store, SequenceDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var errors = await ValidateAsync(store, definition, ct);
        if (errors.Count > 0)
            return new(null, errors);
        var created = await sequences.CreateAsync(store.Id, definition, time.GetUtcNow(), ct);
        await audit.RecordAsync(store, "sequence.create", null, SequenceResponse.From(created), ct, Target(created.Id));
        return new(created, errors);
    }

    /// <summary>Adds a version (active again); null Saved and no errors when the store has no such sequence.</summary>
    public async Task<Outcome> UpdateAsync(Store store, long sequenceId, SequenceRequest request, CancellationToken ct)
    {
        var (definition, errors) = Check(request);
        return definition is null ? new(null, errors) : await UpdateAsync(store, sequenceId, definition, ct);
    }

    /// <summary>Adds a version from a definition that is already built; checked against the same rules as a request.</summary>
    public async Task<Outcome> UpdateAsync(Store store, long sequenceId, SequenceDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var errors = await ValidateAsync(store, definition, ct);
        if (errors.Count > 0)
            return new(null, errors);
        var before = await sequences.GetAsync(store.Id, sequenceId, ct);
        if (before is null || await sequences.UpdateAsync(store.Id, sequenceId, definition, time.GetUtcNow(), ct) is not { } updated)
            return new(null, errors);
        await audit.RecordAsync(store, "sequence.update", SequenceResponse.From(before), SequenceResponse.From(updated), ct, Target(sequenceId));
        return new(updated, errors);
    }

    /// <summary>Stops new carts enrolling (scheduled messages still go out); false when the store has no such sequence.</summary>
    public async Task<bool> DeactivateAsync(Store store, long sequenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var before = await sequences.GetAsync(store.Id, sequenceId, ct);
        if (before is null || !await sequences.DeactivateAsync(store.Id, sequenceId, time.GetUtcNow(), ct))
            return false;
        await audit.RecordAsync(store, "sequence.deactivate", SequenceResponse.From(before), null, ct, Target(sequenceId));
        return true;
    }

    /// <summary>Lets new carts enrol again: the current definition becomes a new, active version. False when there is no such sequence.</summary>
    public async Task<bool> ActivateAsync(Store store, long sequenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await sequences.GetAsync(store.Id, sequenceId, ct) is not { } before
            || await sequences.UpdateAsync(store.Id, sequenceId, before.Definition, time.GetUtcNow(), ct) is not { } activated)
            return false;
        await audit.RecordAsync(store, "sequence.update", SequenceResponse.From(before), SequenceResponse.From(activated), ct, Target(sequenceId));
        return true;
    }

    /// <summary>
    /// The preset new carts enrol in while the store has no active sequence of its own (the <c>sequence</c> setting of
    /// <c>PATCH /api/stores/{id}</c>); audited as that setting.
    /// </summary>
    public async Task<Store> UsePresetAsync(Store store, SequenceDefinition preset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(preset);
        var updated = await stores.UpsertAsync(store with { Sequence = preset.Name }, ct);
        await audit.RecordAsync(updated, "store.settings", StoreDto.From(store), StoreDto.From(updated), ct);
        return updated;
    }

    // The rules, then (only for a definition that follows them) whether its texts fit the store's parts.
    private async Task<IReadOnlyDictionary<string, SequenceRule[]>> ValidateAsync(Store store, SequenceDefinition definition, CancellationToken ct)
    {
        var errors = SequenceValidator.Validate(definition, catalog.Names, sms.Templates);
        return errors.Count > 0 ? errors : await sms.CheckAsync(store, definition, ct);
    }

    private static string Target(long sequenceId) => $"sequence:{sequenceId}";
}
