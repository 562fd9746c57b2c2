using CartRecovery.Web.Pages.AppShell;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary><c>/app</c>: where a signed-in person lands.</summary>
internal sealed class IndexModel(WorkspaceLoader loader) : AppPageModel(loader)
{
    public override string Title => Workspace.Store?.Name ?? Workspace.Account.Name;
}
