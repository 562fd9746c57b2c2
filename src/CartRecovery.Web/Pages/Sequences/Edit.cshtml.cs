using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Preview;
using CartRecovery.Sms.Preview;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Hosting;
using CartRecovery.Web.Pages.AppShell;
using CartRecovery.Web.Pages.Previews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// <c>/app/sequences/{id}</c> (or <c>new</c>): the sequence editor. Saving goes through <see cref="SequenceChanges"/>
/// (the API's validation, a new immutable version, audited); "Preview" re-renders the page with the unsaved values and
/// the chosen email step rendered for a sample or real cart. Older versions are listed read-only, with the results.
/// </summary>
[FramesEmailPreviews]
internal sealed class EditModel(WorkspaceLoader loader, ISequenceRepository sequences, SequenceChanges changes, ICartRepository carts,
    StoreAccess access, EmailPreviewer previewer, LinkBuilder links, EmailPreviews previews, TimeProvider time, SmsStepCheck sms,
    SequenceLift lift, IStorePolicyRepository policies, IStringLocalizer<EditModel> texts) : AppPageModel(loader)
{
    /// <summary>The shop's offer rule (its sending policy): who gets an offer step without its code.</summary>
    public OfferPolicy OfferRules { get; private set; } = OfferPolicy.Default;

    [BindProperty]
    public SequenceForm Form { get; set; } = new();

    public Store Shop { get; private set; } = null!;
    public StoreSequence? Current { get; private set; }
    public IReadOnlyList<StoreSequence> Versions { get; private set; } = [];
    public IReadOnlyList<StepResults> Results { get; private set; } = [];
    /// <summary>The lift against the control group (issue 15); null for a new sequence.</summary>
    public IncrementalView? Incremental { get; private set; }
    public IReadOnlyList<Cart> RecentCarts { get; private set; } = [];
    public IReadOnlyList<PreviewFrame> Preview { get; private set; } = [];
    /// <summary>The chosen text step as it would go out, measured (parts, encoding, cost); null when an email step is shown.</summary>
    public SmsPreview? TextPreview { get; private set; }
    public IReadOnlyCollection<string> SmsTemplates => sms.Templates;
    public IReadOnlyDictionary<string, SequenceRule[]> Errors { get; private set; } = new Dictionary<string, SequenceRule[]>();
    public IReadOnlyCollection<string> EmailTemplates => changes.EmailTemplates;
    public bool IsNew => Current is null;

    public override string Title => Current is null ? texts["New sequence"] : Current.Definition.Name;

    public async Task<IActionResult> OnGetAsync(string id, string? preset, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        Form = Current is not null ? SequenceForm.From(Current.Definition, Shop.Currency)
            : SequencePresets.TryFind(preset, out var start) ? SequenceForm.From(start with { Name = texts["My {0} sequence", start.Name] }, Shop.Currency)
            : SequenceForm.From(new SequenceDefinition("", [new(1, TimeSpan.FromHours(1), StepKind.Email, SequencePresets.ReminderTemplate)]), Shop.Currency);
        return await ShowAsync(ct);
    }

    /// <summary>The page again with the unsaved values and their preview; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAddStepAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        if (Form.Steps.Count < SequenceValidator.MaxSteps)
            Form.Steps.Add(new StepForm { Delay = Form.Steps.Count == 0 ? 1 : null, Template = SequencePresets.ReminderTemplate });
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveStepAsync(string id, int remove, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        if (remove >= 0 && remove < Form.Steps.Count)
            Form.Steps.RemoveAt(remove);
        Form.PreviewStep = 0;
        ModelState.Clear();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        var request = Form.ToRequest(Shop.Currency);
        var outcome = Current is null
            ? await changes.CreateAsync(Shop, request, ct)
            : await changes.UpdateAsync(Shop, Current.Id, request, ct);
        if (outcome.Saved is not { } saved)
        {
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : new Dictionary<string, SequenceRule[]> { ["steps"] = [SequenceRule.Text(texts["The sequence could not be saved."])] };
            return await ShowAsync(ct);
        }
        TempData["Saved"] = saved.Version;
        return Redirect(Link($"/app/sequences/{saved.Id}", Shop.Id));
    }

    /// <summary>The first error of a field (by the API's path) in the page's words, or null.</summary>
    public string? Error(string field) => Errors.TryGetValue(field, out var rules) && rules.Length > 0 ? Words(rules[0]) : null;

    /// <summary>A broken rule in the page's words (the rule's English words are the keys), never the API's text.</summary>
    public string Words(SequenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return texts[SequenceRuleTexts.Words.TryGetValue(rule.Code, out var words) ? words : rule.Code, [.. rule.Args]].Value;
    }

    /// <summary>aria-invalid for a field.</summary>
    public string Invalid(string field) => Errors.ContainsKey(field) ? "true" : "false";

    public string Handler(string name) => $"{Request.Path}?store={Shop.Id}&handler={name}";

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (Workspace.StoreOrFirst is not { } store)
            return NotFound();
        Shop = store;
        OfferRules = (await policies.GetAsync(store.Id, ct)).Offers;
        KeepTemplatesOfTheirChannel();
        if (id == "new")
            return null;
        if (!long.TryParse(id, out var sequenceId) || await sequences.GetAsync(store.Id, sequenceId, ct) is not { } current)
            return NotFound();
        Current = current;
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Current is not null)
        {
            Versions = (await sequences.ListVersionsAsync(Shop.Id, Current.Id, ct)).Reverse().ToList();
            Results = SequenceResults.Build(await sequences.CountResultsAsync(Current.Id, ct), Current.Definition);
            Incremental = new(await lift.EstimateAsync(Shop.Id, Current.Id, Shop.Currency, ct), Current.Definition.HoldOutPercent, Shop.Currency);
        }
        RecentCarts = await carts.ListAsync(new CartQuery(Shop.Id, Take: 20) { StoreIds = Workspace.StoreIds }, ct);
        Preview = await RenderPreviewAsync(ct);
        return Page();
    }

    // A step whose channel was just switched still posts the other channel's template: it takes its channel's first one.
    private void KeepTemplatesOfTheirChannel()
    {
        foreach (var step in Form.Steps)
        {
            if (step.Channel == "sms" && !SmsTemplates.Contains(step.Template ?? ""))
                step.Template = SequencePresets.SmsReminderTemplate;
            else if (step.Channel == "email" && !EmailTemplates.Contains(step.Template ?? "") && SmsTemplates.Contains(step.Template ?? ""))
                step.Template = SequencePresets.ReminderTemplate;
        }
    }

    // The chosen email step of the form as it stands (saved or not), once per variant, for a sample or a real cart; a
    // chosen text step is measured instead (TextPreview).
    private async Task<IReadOnlyList<PreviewFrame>> RenderPreviewAsync(CancellationToken ct)
    {
        static bool Shown(StepForm s) => s.Channel is "email" or "sms";
        if (Form.PreviewStep < 0 || Form.PreviewStep >= Form.Steps.Count || !Shown(Form.Steps[Form.PreviewStep]))
            Form.PreviewStep = Form.Steps.FindIndex(Shown);
        if (Form.PreviewStep < 0)
            return [];
        var dto = Form.Steps[Form.PreviewStep].ToDto(Shop.Currency);
        var step = dto.ToStep(Form.PreviewStep, (_, _) => { });
        if (step.Kind == StepKind.Sms)
        {
            TextPreview = await sms.PreviewAsync(Shop, step, null, ct);
            return [];
        }
        if (!EmailTemplates.Contains(step.Template))
            step = step with { Template = SequencePresets.ReminderTemplate };
        var cart = Form.PreviewCart is { } cartId && await access.GetCartAsync(cartId, ct) is { } found && found.StoreId == Shop.Id
            ? found
            : PreviewEndpoint.SampleCart(Shop);
        var now = time.GetUtcNow();
        IReadOnlyList<StepVariant?> variants = step.Variants.Count == 0 ? [null] : [.. step.Variants];
        var frames = new List<PreviewFrame>();
        foreach (var variant in variants)
        {
            var usable = variant is null ? null : variant with { Template = EmailTemplates.Contains(variant.Template ?? "") ? variant.Template : null };
            try
            {
                var rendered = await previewer.PreviewAsync(PreviewEndpoint.PreviewModel(Shop, cart, step, links, now, usable), ct);
                frames.Add(new PreviewFrame(variant?.Key, rendered.Content.Subject, previews.Put(Workspace.Person.Id, rendered.Content.HtmlBody), null));
            }
            catch (Exception error) when (error is InvalidOperationException or Core.Email.EmailSendException)
            {
                frames.Add(new PreviewFrame(variant?.Key, null, null, error.Message));
            }
        }
        return frames;
    }
}
