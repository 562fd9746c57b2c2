using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Accounts;
using CartRecovery.Web.Features.Invitations;
using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Team;

/// <summary>
/// <c>/app/team</c> (owners): the account's people and open invitations; invite by email with a role (and, in an agency,
/// some shops only), change a role, remove a person, revoke an invitation. The rules are the API's
/// (<see cref="TeamChanges"/>, <see cref="InvitationSender"/>), the last owner stays.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, TeamChanges team, InvitationSender sender, IInvitationRepository invitations, TimeProvider time,
    IStringLocalizer<IndexModel> text) : AppPageModel(loader)
{
    protected override AccountRole RoleToView => AccountRole.Owner;

    protected override AccountRole RoleToChange => AccountRole.Owner;

    public override string Title => text["Team"];

    public IReadOnlyList<TeamEndpoints.MemberResponse> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Role { get; set; } = "member";

    [BindProperty] public List<long> StoreIds { get; set; } = [];

    /// <summary>Field → the English key of its error (the view translates it).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A refusal of the whole form (the last owner), shown as a banner.</summary>
    public string? Refusal { get; private set; }

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var issued = await sender.InviteAsync(Workspace.Scope, Email, Role, StoreIds.Count == 0 ? null : StoreIds, PageLanguage.Of(Request), ct);
        if (issued.Sent is not { } invitation)
        {
            Errors[issued.Field is "role" or "storeIds" ? issued.Field : "email"] = issued.Field switch
            {
                "role" => "Choose a role no higher than yours.",
                "storeIds" => "Choose shops of this account that you can see.",
                _ => "Enter a valid email address.",
            };
            await LoadAsync(ct);
            return Page();
        }
        Done = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Invitation sent to {0}."], invitation.Email);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(long userId, string? newRole, CancellationToken ct)
    {
        if (!ApiKeyEndpoints.TryParseRole(newRole, out var role))
            return BadRequest();
        var member = (await team.ListAsync(Workspace.Account.Id, ct)).FirstOrDefault(m => m.UserId == userId);
        var change = await team.ChangeAsync(Workspace.Account.Id, userId, role, member?.StoreIds, ct);
        return await AnswerAsync(change, text["Role changed."], ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long userId, CancellationToken ct) =>
        await AnswerAsync(await team.RemoveAsync(Workspace.Account.Id, userId, ct), text["Removed from the team."], ct);

    public async Task<IActionResult> OnPostRevokeAsync(long invitationId, CancellationToken ct)
    {
        // Another account's invitation reads like a missing one.
        if (!await invitations.RevokeAsync(Workspace.Account.Id, invitationId, time.GetUtcNow(), ct))
            return NotFound();
        Done = text["Invitation revoked."];
        return RedirectToPage();
    }

    private async Task<IActionResult> AnswerAsync(TeamChange change, string done, CancellationToken ct)
    {
        switch (change.Outcome)
        {
            case TeamOutcome.Done:
                Done = done;
                return RedirectToPage();
            case TeamOutcome.LastOwner:
                Refusal = "The account must keep an owner: make someone else owner first.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync(ct);
                return Page();
            case TeamOutcome.Invalid:
                return BadRequest();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = (await team.ListAsync(Workspace.Account.Id, ct)).OrderByDescending(m => m.Role).ThenBy(m => m.Email ?? m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Invitations = await invitations.ListOpenAsync(Workspace.Account.Id, time.GetUtcNow(), ct);
    }

    public string? ShopNames(IReadOnlyList<long>? storeIds) => AccountPageText.ShopNames(Workspace, storeIds);

    public string Date(DateTimeOffset at) => AccountPageText.Date(Workspace, at);
}
