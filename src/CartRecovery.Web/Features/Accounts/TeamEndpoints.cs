using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Accounts;

/// <summary>
/// The people of an account (owners only): <c>GET /api/team</c>, <c>PUT /api/team/{userId}</c> (role and stores) and
/// <c>DELETE /api/team/{userId}</c>. People join through invitations; these change or end their membership. The last
/// owner can be neither demoted nor removed (409).
/// </summary>
internal static class TeamEndpoints
{
    public sealed record MemberRequest(string? Role, IReadOnlyList<long>? StoreIds);

    /// <summary>A person of the account: their role and, when limited, the stores they see.</summary>
    public sealed record MemberResponse(long UserId, string? Email, string? Name, AccountRole Role, IReadOnlyList<long>? StoreIds, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapTeam(this RouteGroupBuilder api)
    {
        api.MapGet("/team", async (long? accountId, HttpContext http, IAccountRepository accounts, TeamChanges team, CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            return problem ?? Results.Ok(await team.ListAsync(account, ct));
        }).RequireAuthorization(CallerPolicies.Owner)
            .Describe<IEnumerable<MemberResponse>>(ApiDescriptions.Team, "List the account's people with their roles and stores", 400, 404);
        api.MapPut("/team/{userId:long}", ChangeAsync).RequireAuthorization(CallerPolicies.Owner)
            .Describe<MemberResponse>(ApiDescriptions.Team, "Change a person's role and stores (the last owner stays an owner)", 400, 404, 409);
        api.MapDelete("/team/{userId:long}", async (long userId, long? accountId, HttpContext http, IAccountRepository accounts, TeamChanges team,
            CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            return problem ?? Answer(await team.RemoveAsync(account, userId, ct), userId, Results.NoContent());
        }).RequireAuthorization(CallerPolicies.Owner)
            .DescribeNoContent(ApiDescriptions.Team, "Remove a person from the account (not the last owner)", 400, 404, 409);
        return api;
    }

    private static async Task<IResult> ChangeAsync(long userId, long? accountId, MemberRequest? request, HttpContext http, IAccountRepository accounts,
        TeamChanges team, CancellationToken ct)
    {
        var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
        if (problem is not null)
            return problem;
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        if (!ApiKeyEndpoints.TryParseRole(request.Role, out var role))
            return ApiResults.Invalid("role", "role must be viewer, member or owner");
        var change = await team.ChangeAsync(account, userId, role, request.StoreIds, ct);
        return Answer(change, userId, Results.Ok(change.Member));
    }

    private static IResult Answer(TeamChange change, long userId, IResult done) => change.Outcome switch
    {
        TeamOutcome.Done => done,
        TeamOutcome.Invalid => ApiResults.Invalid(change.Field!, change.Rule!),
        TeamOutcome.LastOwner => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last owner",
            detail: "The account must keep an owner: make someone else owner first."),
        _ => Results.Problem(statusCode: 404, title: "Member not found", detail: $"User {userId} is not a member of this account."),
    };
}
