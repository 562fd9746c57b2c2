using CartRecovery.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CartRecovery.Web.Features.Auth;

/// <summary>Authorization policies by role: endpoints say the least role they need (or that only the operator may call them).</summary>
internal static class CallerPolicies
{
    public const string Viewer = "Viewer";
    public const string Member = "Member";
    public const string Owner = "Owner";
    public const string Operator = "Operator";

    public static AuthorizationBuilder AddCallerPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Viewer, p => p.RequireAssertion(c => Allows(c, AccountRole.Viewer)))
        .AddPolicy(Member, p => p.RequireAssertion(c => Allows(c, AccountRole.Member)))
        .AddPolicy(Owner, p => p.RequireAssertion(c => Allows(c, AccountRole.Owner)))
        .AddPolicy(Operator, p => p.RequireAssertion(c => CallerClaims.ScopeOf(c.User)?.IsOperator == true));

    private static bool Allows(AuthorizationHandlerContext context, AccountRole role) =>
        CallerClaims.ScopeOf(context.User)?.Allows(role) == true;
}
