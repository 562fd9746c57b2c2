using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.SignIn;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>Loads the <see cref="Workspace"/> of a page request from the caller's scope (what <see cref="StoreAccess"/> lets it see).</summary>
internal sealed class WorkspaceLoader(StoreAccess access, IAccountRepository accounts, SessionCookie cookie, ISessionRepository sessions)
{
    /// <summary>The workspace, or null when the caller is not a signed-in person.</summary>
    public async Task<Workspace?> LoadAsync(HttpContext http, long? storeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (CallerClaims.ScopeOf(http.User) is not { AccountId: { } accountId, Actor: { Kind: ActorKind.User, Id: { } userId } } scope)
            return null;
        if (await accounts.GetAsync(accountId, ct) is not { } account || await accounts.GetUserAsync(userId, ct) is not { } person)
            return null;
        var stores = (await access.ListAsync(ct)).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var others = new List<Account>();
        foreach (var membership in await accounts.ListMembershipsOfUserAsync(userId, ct))
        {
            if (membership.AccountId != accountId && await accounts.GetAsync(membership.AccountId, ct) is { } other)
                others.Add(other);
        }
        return new Workspace
        {
            Scope = scope,
            Account = account,
            Person = person,
            Stores = stores,
            Store = storeId is { } id ? stores.FirstOrDefault(s => s.Id == id) : null,
            OtherAccounts = others.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
        };
    }

    /// <summary>
    /// A person whose session's account no longer has them (removed from the team) but who still belongs to another:
    /// moves the session there and says so, so the next request carries on in that account.
    /// </summary>
    public async Task<bool> MoveToAnotherAccountAsync(HttpContext http, CancellationToken ct)
    {
        if (await cookie.FindLiveAsync(http, ct) is not { } session
            || await accounts.ListMembershipsOfUserAsync(session.UserId, ct) is not [var other, ..]
            || other.AccountId == session.AccountId)
            return false;
        await sessions.SwitchAccountAsync(session.TokenHash, other.AccountId, ct);
        return true;
    }
}
