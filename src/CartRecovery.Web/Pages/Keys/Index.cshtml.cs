using System.Globalization;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Accounts;
using CartRecovery.Web.Pages.AppShell;
using CartRecovery.Web.Pages.Team;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Keys;

/// <summary>
/// <c>/app/keys</c> (owners): the account's API keys (name, prefix, role, shops, expiry, last use); create one (its token
/// is on the answer page once, never again) and revoke one. The rules are the API's (<see cref="ApiKeyIssuer"/>).
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, ApiKeyIssuer issuer, IApiKeyRepository keys, IStringLocalizer<IndexModel> text) : AppPageModel(loader)
{
    protected override AccountRole RoleToView => AccountRole.Owner;

    protected override AccountRole RoleToChange => AccountRole.Owner;

    public override string Title => text["API keys"];

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Role { get; set; } = "viewer";

    /// <summary>The last day the key works (in the shop's time zone); empty for a key that does not expire.</summary>
    [BindProperty] public string? Expires { get; set; }

    [BindProperty] public List<long> StoreIds { get; set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The key just created, with its token: shown on this answer only.</summary>
    public ApiKeyEndpoints.CreatedKeyResponse? Created { get; private set; }

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(Workspace.Account.Id, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        DateTimeOffset? expiresAt = null;
        if (!string.IsNullOrWhiteSpace(Expires))
        {
            if (!DateOnly.TryParseExact(Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
                Errors["expiresAt"] = "Enter a date, or leave it empty for a key that does not expire.";
            else
                expiresAt = EndOf(last);
        }
        if (Errors.Count == 0)
        {
            var issued = await issuer.CreateAsync(Workspace.Scope, Workspace.Account.Id, Name, Role, StoreIds.Count == 0 ? null : StoreIds, expiresAt, ct);
            if (issued.Created is { } created)
            {
                Created = created;
                Name = null;
                Expires = null;
                StoreIds = [];
            }
            else
            {
                Errors[issued.Field ?? "name"] = issued.Field switch
                {
                    "role" => "Choose a role no higher than yours.",
                    "expiresAt" => "Choose a day after today, or leave it empty for a key that does not expire.",
                    "storeIds" => "Choose shops of this account that you can see.",
                    _ => "Give the key a name of 1 to 100 characters on one line.",
                };
            }
        }
        Keys = await keys.ListAsync(Workspace.Account.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long keyId, CancellationToken ct)
    {
        // Another account's key, or one already revoked, reads like a missing one.
        if (!await issuer.RevokeAsync(Workspace.Account.Id, keyId, ct))
            return NotFound();
        Done = text["Key revoked: it stops working at once."];
        return RedirectToPage();
    }

    private TimeZoneInfo Zone => AccountPageText.Zone(Workspace);

    /// <summary>The end of <paramref name="day"/> in the shop's time zone: the key works through that whole day.</summary>
    private DateTimeOffset EndOf(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public string Date(DateTimeOffset at) => AccountPageText.Date(Workspace, at);

    public string When(DateTimeOffset at) => PageDates.When(at, Zone);

    public string? ShopNames(IReadOnlyList<long>? storeIds) => AccountPageText.ShopNames(Workspace, storeIds);
}
