using System.Globalization;
using System.Security.Claims;
using CartRecovery.Core.Accounts;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// The one shape every sign-in door and key hands to the rest of the app: an <see cref="AccessScope"/> carried as claims.
/// Handlers build the principal with <see cref="ToPrincipal"/>; endpoints read it back with <see cref="ScopeOf"/>
/// (or <c>HttpContext.Scope()</c>), never the claims themselves.
/// </summary>
internal static class CallerClaims
{
    private const string Operator = "cr:operator";
    private const string Account = "cr:account";
    private const string Role = "cr:role";
    private const string Stores = "cr:stores";
    private const string ActorKindClaim = "cr:actor-kind";
    private const string ActorId = "cr:actor-id";
    private const string ActorLabel = "cr:actor-label";

    public static ClaimsPrincipal ToPrincipal(AccessScope scope, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var claims = new List<Claim>
        {
            new(ActorKindClaim, scope.Actor.Kind.ToString()),
            new(ActorLabel, scope.Actor.Label),
            new(Role, scope.Role.ToString()),
        };
        if (scope.IsOperator)
            claims.Add(new Claim(Operator, "true"));
        if (scope.AccountId is { } account)
            claims.Add(new Claim(Account, account.ToString(CultureInfo.InvariantCulture)));
        if (scope.StoreIds is { } stores)
            claims.Add(new Claim(Stores, string.Join(',', stores.Order().Select(s => s.ToString(CultureInfo.InvariantCulture)))));
        if (scope.Actor.Id is { } actorId)
            claims.Add(new Claim(ActorId, actorId.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The caller's scope, or null when the request is not authenticated.</summary>
    public static AccessScope? ScopeOf(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirst(ActorKindClaim) is not { } kindClaim)
            return null;
        if (principal.HasClaim(Operator, "true"))
            return AccessScope.Operator;
        var accountId = long.Parse(principal.FindFirst(Account)!.Value, CultureInfo.InvariantCulture);
        var role = Enum.Parse<AccountRole>(principal.FindFirst(Role)!.Value);
        var stores = principal.FindFirst(Stores)?.Value;
        var actorId = principal.FindFirst(ActorId)?.Value;
        var actor = new Actor(Enum.Parse<ActorKind>(kindClaim.Value),
            actorId is null ? null : long.Parse(actorId, CultureInfo.InvariantCulture), principal.FindFirst(ActorLabel)?.Value ?? "");
        return AccessScope.ForAccount(accountId, role,
            stores is null ? null : stores.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)),
            actor);
    }

    /// <summary>The scope of an authenticated request (endpoints behind the API's authorization are never anonymous).</summary>
    public static AccessScope Scope(this HttpContext http) =>
        ScopeOf(http.User) ?? throw new InvalidOperationException("The request has no authenticated caller.");
}
