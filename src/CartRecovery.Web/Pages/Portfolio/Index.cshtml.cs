using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Portfolio;

/// <summary>
/// <c>/app/portfolio</c> (agency accounts; anyone else gets a 404): every client shop in one table, sortable
/// server-side (<c>?sort=</c>), with links into each shop.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, IMetricsQuery metrics, IMetricsRollup rollup, ICartRepository carts, IMessageRepository messages,
    ISequenceRepository sequences, ITemplateRepository templates, SequenceChanges changes, TemplateOverrides overrides, TimeProvider time,
    IStringLocalizer<IndexModel> text)
    : AppPageModel(loader)
{
    /// <summary>What to apply: <c>sequence:{storeId}:{sequenceId}</c>, <c>preset:{name}</c> or <c>templates:{storeId}</c>.</summary>
    [BindProperty] public string? Source { get; set; }

    [BindProperty] public List<long> Targets { get; set; } = [];

    /// <summary>The choices of <see cref="Source"/>: value and label.</summary>
    public IReadOnlyList<(string Value, string Label)> Sources { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>After an apply: what each shop got (the summary page).</summary>
    public IReadOnlyList<AppliedChange>? Applied { get; private set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public IReadOnlyList<PortfolioRow> Rows { get; private set; } = [];

    public override string Title => text["Portfolio"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Workspace.IsAgency)
            return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (!Workspace.IsAgency)
            return NotFound();
        // Every shop named must be one this person sees: another account's reads like a missing one.
        var targets = new List<Store>();
        foreach (var id in Targets.Distinct())
        {
            if (Workspace.Find(id) is not { } target)
                return NotFound();
            targets.Add(target);
        }
        var parts = (Source ?? "").Split(':');
        var apply = new BulkApply(changes, overrides, sequences, templates);
        Func<Task<IReadOnlyList<AppliedChange>>>? run = null;
        switch (parts)
        {
            case ["sequence", var storeText, var sequenceText] when long.TryParse(storeText, CultureInfo.InvariantCulture, out var storeId)
                && long.TryParse(sequenceText, CultureInfo.InvariantCulture, out var sequenceId):
                if (Workspace.Find(storeId) is not { } from || await sequences.GetAsync(from.Id, sequenceId, ct) is not { Active: true } sequence)
                    return NotFound();
                targets.RemoveAll(t => t.Id == from.Id);
                run = () => apply.SequenceAsync(sequence, targets, ct);
                break;
            case ["preset", var name] when SequencePresets.TryFind(name, out var preset):
                run = () => apply.PresetAsync(preset, targets, ct);
                break;
            case ["templates", var storeText] when long.TryParse(storeText, CultureInfo.InvariantCulture, out var storeId):
                if (Workspace.Find(storeId) is not { } source)
                    return NotFound();
                targets.RemoveAll(t => t.Id == source.Id);
                run = () => apply.TemplatesAsync(source, targets, ct);
                break;
            default:
                Errors["source"] = "Choose what to apply.";
                break;
        }
        if (targets.Count == 0)
            Errors["targets"] = "Choose at least one other shop.";
        if (Errors.Count > 0 || run is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Applied = await run();
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await new PortfolioRows(metrics, rollup, carts, messages, time).BuildAsync(Workspace.Stores, ct);
        Rows = PortfolioRows.Sort(rows, Sort);
        var sources = new List<(string, string)>();
        foreach (var store in Workspace.Stores)
        {
            foreach (var sequence in (await sequences.ListAsync(store.Id, ct)).Where(s => s.Active))
                sources.Add(($"sequence:{store.Id}:{sequence.Id}", Format(text["{0}: sequence “{1}” (version {2})"], store.Name, sequence.Definition.Name, sequence.Version)));
            if ((await templates.ListAsync(store.Id, ct)).Count > 0)
                sources.Add(($"templates:{store.Id}", Format(text["{0}: its templates"], store.Name)));
        }
        foreach (var preset in SequencePresets.All.Where(p => p != SequencePresets.Demo))
            sources.Add(($"preset:{preset.Name}", Format(text["Preset: {0}"], preset.Name)));
        Sources = sources;
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);

    /// <summary>The column sorted now, without its direction.</summary>
    public string SortedBy => Sort?.TrimStart('-') is { } c && PortfolioRows.Columns.Contains(c) ? c : "revenue";

    public bool Descending => SortedBy == "revenue" && Sort?.TrimStart('-') != "revenue" || Sort?.StartsWith('-') == true;

    /// <summary>The link a column's heading goes to: the other direction when it is sorted already; names A→Z first, figures best first.</summary>
    public string SortLink(string column) =>
        "/app/portfolio?sort=" + (SortedBy == column ? (Descending ? column : "-" + column) : column == "name" ? column : "-" + column);

    /// <summary>aria-sort of a column's heading.</summary>
    public string AriaSort(string column) => SortedBy != column ? "none" : Descending ? "descending" : "ascending";
}
