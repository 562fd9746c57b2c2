using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// <c>/app/sequences</c>: the shop's presets and own sequences, which one new carts enter, and the switches: use a
/// preset, activate or deactivate an own sequence (all through <see cref="SequenceChanges"/>, audited as the API's).
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, ISequenceRepository sequences, SequenceChanges changes, IStringLocalizer<IndexModel> texts)
    : AppPageModel(loader)
{
    public Store? Shop => Workspace.StoreOrFirst;
    public IReadOnlyList<StoreSequence> Own { get; private set; } = [];
    public static IReadOnlyList<SequenceDefinition> Presets { get; } = [SequencePresets.Standard, SequencePresets.Automated, SequencePresets.Gentle];
    public bool OwnApply => Own.Any(s => s.Active);

    public override string Title => texts["Sequences"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Shop is { } shop)
            Own = await sequences.ListAsync(shop.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPresetAsync(string preset, CancellationToken ct)
    {
        if (Shop is not { } shop || !SequencePresets.TryFind(preset, out var chosen))
            return NotFound();
        await changes.UsePresetAsync(shop, chosen, ct);
        TempData["Done"] = texts["New carts now use the {0} preset.", texts[SequenceWords.Preset(chosen.Name)]].Value;
        return Redirect(Link("/app/sequences", shop.Id));
    }

    public async Task<IActionResult> OnPostActivateAsync(long sequenceId, CancellationToken ct) =>
        await SwitchAsync(sequenceId, activate: true, ct);

    public async Task<IActionResult> OnPostDeactivateAsync(long sequenceId, CancellationToken ct) =>
        await SwitchAsync(sequenceId, activate: false, ct);

    private async Task<IActionResult> SwitchAsync(long sequenceId, bool activate, CancellationToken ct)
    {
        if (Shop is not { } shop)
            return NotFound();
        var done = activate ? await changes.ActivateAsync(shop, sequenceId, ct) : await changes.DeactivateAsync(shop, sequenceId, ct);
        if (!done)
            return NotFound();
        TempData["Done"] = (activate ? texts["The sequence is active: new carts that match it enter it."] : texts["The sequence is off: new carts no longer enter it; emails already planned still go."]).Value;
        return Redirect(Link("/app/sequences", shop.Id));
    }
}
