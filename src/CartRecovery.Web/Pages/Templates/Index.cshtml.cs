using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Sms.Preview;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Templates;

/// <summary>
/// <c>/app/templates</c>: the shop's emails per language, each part built-in or customised, and its texts (SMS) per
/// language as they would go out to a sample cart, with their parts.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, ITemplateRepository templates, SmsStepCheck sms, IStringLocalizer<IndexModel> texts)
    : AppPageModel(loader)
{
    public Store? Shop => Workspace.StoreOrFirst;
    public IReadOnlyList<StoreTemplate> Own { get; private set; } = [];
    public static IReadOnlyList<string> Names => TemplateOverrides.Names;
    public IReadOnlyList<(string Name, string Locale, SmsPreview Preview)> Texts { get; private set; } = [];

    public override string Title => texts["Email templates"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Shop is not { } shop)
            return Page();
        Own = await templates.ListAsync(shop.Id, ct);
        var shown = new List<(string, string, SmsPreview)>();
        foreach (var name in sms.Templates.Order(StringComparer.Ordinal))
        {
            foreach (var locale in StoreTemplate.Locales)
                shown.Add((name, locale, await sms.PreviewAsync(shop, new SequenceStep(1, TimeSpan.Zero, StepKind.Sms, name), locale, ct)));
        }
        Texts = shown;
        return Page();
    }

    public StoreTemplate? Find(string name, string locale, string part) =>
        Own.FirstOrDefault(t => t.Name == name && t.Locale == locale && t.Part == part);
}
