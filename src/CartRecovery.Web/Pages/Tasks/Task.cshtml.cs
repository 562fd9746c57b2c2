using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Tasks;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Tasks;

/// <summary>
/// <c>/app/tasks/{id}</c>: one follow-up on one screen — the cart, the customer's contact, "assign to me", and the
/// outcome buttons with a note. Changes go through <see cref="TaskActions"/> (validated, open tasks only, audited).
/// </summary>
internal sealed class TaskModel(WorkspaceLoader loader, StoreAccess access, ICartRepository carts, TaskActions actions, IStringLocalizer<TaskModel> text)
    : AppPageModel(loader)
{
    /// <summary>The outcome buttons: the value posted and the English words stored at the start of the outcome.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Outcomes =
        [("reached", "Reached"), ("recovered", "Recovered"), ("not-interested", "Not interested"), ("no-answer", "No answer")];

    /// <summary>A stored outcome ("Reached: called back Monday") with its English label in the page's words; the note as typed.</summary>
    public static string SayOutcome(string stored, Func<string, string> translate)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(translate);
        foreach (var (_, label) in Outcomes)
        {
            if (stored == label)
                return translate(label);
            if (stored.StartsWith(label + ": ", StringComparison.Ordinal))
                return translate(label) + stored[label.Length..];
        }
        return stored;
    }

    public const int MaxNoteLength = 1800;

    [BindProperty] public string? Note { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public override string Title => FollowUp is null ? text["Follow-up not found"] : text["Follow-up"];

    public FollowUpTask? FollowUp { get; private set; }
    public Cart? Cart { get; private set; }
    public Store Store { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string Me => Workspace.Person.Email ?? Workspace.Person.Name ?? $"user:{Workspace.Person.Id}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : Missing();

    public async Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return Missing();
        return await ChangedAsync(id, await actions.AssignAsync(id, Me, ct), "assigned", ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(long id, string? outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return Missing();
        var chosen = Outcomes.FirstOrDefault(o => o.Value == outcome);
        if (chosen.Label is null)
            Errors["outcome"] = text["Choose what came of it."];
        var note = Note?.Trim();
        if (note is { Length: > MaxNoteLength })
            Errors[nameof(Note)] = text["Keep the note under {0} characters.", MaxNoteLength];
        if (Errors.Count > 0)
            return Page();
        // The outcome is stored in English (the API's readers see the same words), the note as typed.
        var stored = string.IsNullOrEmpty(note) ? chosen.Label! : $"{chosen.Label}: {note}";
        return await ChangedAsync(id, await actions.CompleteAsync(id, TaskActions.ValidOutcome(stored)!, ct), "completed", ct);
    }

    private async Task<IActionResult> ChangedAsync(long id, TaskChange change, string done, CancellationToken ct)
    {
        if (change.Result == TaskChangeResult.NotFound)
            return Missing();
        if (change.Result == TaskChangeResult.NotOpen)
        {
            await LoadAsync(id, ct);
            Errors["outcome"] = text["This follow-up is already closed."];
            return Page();
        }
        return Redirect(Link($"/app/tasks/{id}") + (Workspace.Store is null ? "?" : "&") + $"done={done}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await access.GetTaskAsync(id, ct) is not { } task || Workspace.Find(task.StoreId) is not { } store)
            return false;
        FollowUp = task;
        Store = store;
        Cart = await carts.GetAsync(task.CartId, ct);
        return true;
    }

    private PageResult Missing()
    {
        FollowUp = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
