using CartRecovery.Core.Email;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Templates;

/// <summary><c>/app/templates</c>: the shop's emails per language, each part built-in or customised.</summary>
internal sealed class IndexModel(WorkspaceLoader loader, ITemplateStore templates, IStringLocalizer<IndexModel> texts) : AppPageModel(loader)
{
    public Store? Shop => Workspace.StoreOrFirst;
    public IReadOnlyList<StoreTemplate> Own { get; private set; } = [];
    public static IReadOnlyList<string> Names => TemplateOverrides.Names;

    public override string Title => texts["Email templates"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Shop is { } shop)
            Own = await templates.ListAsync(shop.Id, ct);
        return Page();
    }

    public StoreTemplate? Find(string name, string locale, string part) =>
        Own.FirstOrDefault(t => t.Name == name && t.Locale == locale && t.Part == part);
}
