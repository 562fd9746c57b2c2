using CartRecovery.Web.Hosting;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;

namespace CartRecovery.Web.Pages.Previews;

/// <summary>
/// <c>/app/preview/{key}</c>: one rendered email as a document of its own, framed by the sequence and template editors.
/// Its policy lets the email's own styles and https images in and nothing else (no script, sandboxed, framed only by us).
/// </summary>
[EmailPreviewDocument]
internal sealed class ShowModel(WorkspaceLoader loader, EmailPreviews previews) : AppPageModel(loader)
{
    public override string Title => "";

    // From the route only: a form body (even a broken one sent with the GET) is not read for it.
    public IActionResult OnGet([FromRoute] string? key) =>
        key is not null && previews.Find(Workspace.Person.Id, key) is { } html ? Content(html, "text/html; charset=utf-8") : NotFound();
}
