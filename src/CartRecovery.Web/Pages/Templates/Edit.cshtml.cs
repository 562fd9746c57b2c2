using System.Text.RegularExpressions;
using CartRecovery.Core.Email;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Preview;
using CartRecovery.Email.Templates;
using CartRecovery.Sms.Preview;
using CartRecovery.Sms.Templates;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Hosting;
using CartRecovery.Web.Pages.AppShell;
using CartRecovery.Web.Pages.Previews;
using CartRecovery.Web.Pages.Sequences;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Pages.Templates;

/// <summary>
/// <c>/app/templates/{name}/{locale}?part=</c>: one part of one email, or one text message, in one language. "Check
/// and preview" validates the unsaved source as saving would (<see cref="TemplateValidator"/>: Fluid parsing, filters,
/// a sample render, limits) and shows the error at its line and column, or the email it makes beside it (a text: the
/// text as it goes out, its parts, encoding and cost against the shop's part limit); saving and reverting to the
/// built-in part go through <see cref="TemplateOverrides"/>, as the API's.
/// </summary>
[FramesEmailPreviews]
internal sealed partial class EditModel(WorkspaceLoader loader, TemplateOverrides overrides, ITemplateRepository templates, TemplateCatalog catalog,
    IOptions<RecoveryOptions> recovery, ILogger<FluidEmailComposer> composerLog, LinkBuilder links, EmailPreviews previews,
    SmsStepCheck sms, TimeProvider time, IStringLocalizer<EditModel> texts) : AppPageModel(loader)
{
    [BindProperty(SupportsGet = true)]
    public string Part { get; set; } = StoreTemplate.HtmlPart;

    [BindProperty]
    public string Source { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Confirm { get; set; }

    public Store Shop { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public string Locale { get; private set; } = "";
    public bool Customised { get; private set; }
    public TemplateValidationResult? Invalid { get; private set; }
    public IReadOnlyList<PreviewFrame> Preview { get; private set; } = [];
    public string? PlainText { get; private set; }

    /// <summary>Whether this is a text message (one part, measured in SMS parts) rather than an email.</summary>
    public bool IsText => TemplateOverrides.IsText(Name);

    /// <summary>A text's draft as it goes out to the sample cart, measured.</summary>
    public SmsPreview? Text { get; private set; }

    /// <summary>The shop's part limit for a text.</summary>
    public int MaxParts { get; private set; }

    /// <summary>Whether a save was just refused (a text's length, or an error shown with its line).</summary>
    public bool Refused { get; private set; }

    public override string Title => IsText
        ? texts["{0} ({1})", texts[SequenceWords.Template(Name)], Locale.ToUpperInvariant()]
        : texts["{0} email ({1})", texts[SequenceWords.Template(Name)], Locale.ToUpperInvariant()];

    public async Task<IActionResult> OnGetAsync(string name, string locale, CancellationToken ct)
    {
        if (await LoadAsync(name, locale, ct) is { } missing)
            return missing;
        Source = await overrides.OwnSourceAsync(Shop.Id, Name, Locale, Part, ct)
            ?? (IsText ? SmsTemplateCatalog.BuiltInSource(Name, Locale) : TemplateCatalog.BuiltInSource(Name, Locale, Part)) ?? "";
        await ShowPreviewAsync(ct);
        return Page();
    }

    /// <summary>Checks the unsaved source and shows its error or its email; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string name, string locale, CancellationToken ct)
    {
        if (await LoadAsync(name, locale, ct) is { } missing)
            return missing;
        await ShowPreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, string locale, CancellationToken ct)
    {
        if (await LoadAsync(name, locale, ct) is { } missing)
            return missing;
        var result = await overrides.SaveAsync(Shop, Name, Locale, Part, Source ?? "", ct);
        if (!result.IsValid)
        {
            // The error at its line, or a text that is too long shown with its parts.
            Refused = true;
            await ShowPreviewAsync(ct);
            Invalid ??= Text is null ? result : null;
            return Page();
        }
        TempData["Done"] = IsText
            ? texts["Saved. Text messages in this language now use your version."].Value
            : texts["Saved. Emails in this language now use your version."].Value;
        return Redirect(Here());
    }

    public async Task<IActionResult> OnPostRevertAsync(string name, string locale, CancellationToken ct)
    {
        if (await LoadAsync(name, locale, ct) is { } missing)
            return missing;
        await overrides.RevertAsync(Shop, Name, Locale, Part, ct);
        TempData["Done"] = IsText
            ? texts["Reverted: text messages in this language use the built-in version again."].Value
            : texts["Reverted: emails in this language use the built-in version again."].Value;
        return Redirect(Here());
    }

    public string Here(string? part = null, bool confirm = false) =>
        $"/app/templates/{Name}/{Locale}?store={Shop.Id}&part={part ?? Part}{(confirm ? "&confirm=true" : "")}";

    public string Handler(string handler) => $"{Here()}&handler={handler}";

    /// <summary>The parser's message without the position it repeats ("… (line 2, column 7)").</summary>
    public static string Message(TemplateValidationResult result) => Position().Replace(result.Error ?? "", "");

    private async Task<IActionResult?> LoadAsync(string name, string locale, CancellationToken ct)
    {
        if (TemplateOverrides.IsText(name))
            Part = StoreTemplate.TextPart;
        if (Workspace.StoreOrFirst is not { } store || !TemplateOverrides.IsKnown(name, locale, Part))
            return NotFound();
        (Shop, Name, Locale) = (store, name, locale);
        Source ??= "";
        Customised = await overrides.OwnSourceAsync(store.Id, name, locale, Part, ct) is not null;
        return null;
    }

    // The email the draft makes for a sample cart in this language, through the real composer with the draft in place.
    private async Task ShowPreviewAsync(CancellationToken ct)
    {
        var result = TemplateValidator.Validate(Source);
        if (!result.IsValid)
        {
            Invalid = result;
            return;
        }
        var now = time.GetUtcNow();
        if (IsText)
        {
            (Text, MaxParts) = await sms.DraftAsync(Shop, new StoreTemplate(Shop.Id, Name, Locale, Part, Source, now), ct);
            return;
        }
        var draft = new DraftTemplateRepository(templates, new StoreTemplate(Shop.Id, Name, Locale, Part, Source, now));
        var previewer = new EmailPreviewer(new FluidEmailComposer(catalog, draft, composerLog), recovery, time);
        try
        {
            var preview = await TemplateEndpoints.PreviewAsync(Shop, Name, Locale, previewer, links, now, ct);
            Preview = [new PreviewFrame(null, preview.Subject, previews.Put(Workspace.Person.Id, preview.Html), null)];
            PlainText = preview.Text;
        }
        catch (Exception error) when (error is InvalidOperationException or EmailSendException)
        {
            Preview = [new PreviewFrame(null, null, null, error.Message)];
        }
    }

    [GeneratedRegex(@"\s*\(line \d+, column \d+\)\s*$")]
    private static partial Regex Position();
}
