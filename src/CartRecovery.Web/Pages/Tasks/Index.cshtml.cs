using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Web.Features.Tasks;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Tasks;

/// <summary>
/// <c>/app/tasks</c>: the carts that need a person (the follow-up step of a hybrid sequence), in three tabs: open, mine
/// (open and assigned to me) and done; "assign to me" goes through <see cref="TaskActions"/>, as the API does.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, IFollowUpTaskRepository tasks, ICartRepository carts, TaskActions actions, IStringLocalizer<IndexModel> text)
    : AppPageModel(loader)
{
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }

    public override string Title => text["Follow-ups"];

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool Missing { get; private set; }

    public sealed record Row(FollowUpTask Task, Cart? Cart, Store Store);

    public string CurrentTab => Tab is "mine" or "done" ? Tab : "open";

    /// <summary>How the page names the signed-in person as an assignee (the API takes any name or address).</summary>
    public string Me => Workspace.Person.Email ?? Workspace.Person.Name ?? $"user:{Workspace.Person.Id}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var status = CurrentTab == "done" ? (FollowUpTaskStatus?)null : FollowUpTaskStatus.Open;
        var list = await tasks.ListAsync(Workspace.Store?.Id, status, Workspace.StoreIds, ct);
        IEnumerable<FollowUpTask> shown = CurrentTab switch
        {
            "mine" => list.Where(t => string.Equals(t.Assignee, Me, StringComparison.OrdinalIgnoreCase)),
            "done" => list.Where(t => t.Status != FollowUpTaskStatus.Open).OrderByDescending(t => t.CompletedAt ?? t.CreatedAt),
            _ => list,
        };
        var rows = new List<Row>();
        foreach (var task in shown)
        {
            if (Workspace.Find(task.StoreId) is { } store)
                rows.Add(new Row(task, await carts.GetAsync(task.CartId, ct), store));
        }
        Rows = rows;
    }

    public async Task<IActionResult> OnPostAssignAsync(long taskId, CancellationToken ct)
    {
        var change = await actions.AssignAsync(taskId, Me, ct);
        if (change.Result != TaskChangeResult.NotFound)
            return Redirect(Link("/app/tasks") + (Workspace.Store is null ? "?" : "&") + "tab=mine");
        // Another account's task reads as a missing one: the list again, with a 404 and a notice.
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        await OnGetAsync(ct);
        return Page();
    }
}
