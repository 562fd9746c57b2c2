using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
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
        api.MapGet("/team", async (long? accountId, HttpContext http, IAccountStore accounts, CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            if (problem is not null)
                return problem;
            var members = new List<MemberResponse>();
            foreach (var membership in await accounts.ListMembersAsync(account, ct))
                members.Add(await DescribeAsync(membership, accounts, ct));
            return Results.Ok(members);
        }).RequireAuthorization(CallerPolicies.Owner)
            .Describe<IEnumerable<MemberResponse>>(ApiDescriptions.Team, "List the account's people with their roles and stores", 400, 404);
        api.MapPut("/team/{userId:long}", ChangeAsync).RequireAuthorization(CallerPolicies.Owner)
            .Describe<MemberResponse>(ApiDescriptions.Team, "Change a person's role and stores (the last owner stays an owner)", 400, 404, 409);
        api.MapDelete("/team/{userId:long}", async (long userId, long? accountId, HttpContext http, IAccountStore accounts, AuditTrail audit,
            CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            if (problem is not null)
                return problem;
            if (await accounts.GetMembershipAsync(account, userId, ct) is not { } before)
                return MemberNotFound(userId);
            var described = await DescribeAsync(before, accounts, ct);
            var change = await accounts.RemoveMembershipAsync(account, userId, ct);
            if (Refused(change, userId) is { } refused)
                return refused;
            await audit.RecordAsync(account, null, "team.remove", $"user:{userId}", described, null, ct);
            return Results.NoContent();
        }).RequireAuthorization(CallerPolicies.Owner)
            .DescribeNoContent(ApiDescriptions.Team, "Remove a person from the account (not the last owner)", 400, 404, 409);
        return api;
    }

    private static async Task<IResult> ChangeAsync(long userId, long? accountId, MemberRequest? request, HttpContext http, IAccountStore accounts,
        StoreAccess stores, AuditTrail audit, CancellationToken ct)
    {
        var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
        if (problem is not null)
            return problem;
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        if (!ApiKeyEndpoints.TryParseRole(request.Role, out var role))
            return ApiResults.Invalid("role", "role must be viewer, member or owner");
        var storeIds = request.StoreIds?.Distinct().Order().ToList();
        if (storeIds is { Count: 0 })
            return ApiResults.Invalid("storeIds", "storeIds must name at least one store (or be omitted for every store of the account)");
        foreach (var storeId in storeIds ?? [])
        {
            if (await stores.GetAsync(storeId, ct) is not { } store || store.AccountId != account)
                return ApiResults.Invalid("storeIds", $"storeIds: there is no store {storeId} in this account");
        }
        if (await accounts.GetMembershipAsync(account, userId, ct) is not { } before)
            return MemberNotFound(userId);

        var change = await accounts.SetMembershipAsync(before with { Role = role, StoreIds = storeIds }, ct);
        if (Refused(change, userId) is { } refused)
            return refused;
        var after = await DescribeAsync(before with { Role = role, StoreIds = storeIds }, accounts, ct);
        await audit.RecordAsync(account, null, "team.change", $"user:{userId}", await DescribeAsync(before, accounts, ct), after, ct);
        return Results.Ok(after);
    }

    private static IResult? Refused(MembershipChange change, long userId) => change switch
    {
        MembershipChange.NotFound => MemberNotFound(userId),
        MembershipChange.LastOwner => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last owner",
            detail: "The account must keep an owner: make someone else owner first."),
        _ => null,
    };

    private static async Task<MemberResponse> DescribeAsync(Membership membership, IAccountStore accounts, CancellationToken ct)
    {
        var user = await accounts.GetUserAsync(membership.UserId, ct);
        return new MemberResponse(membership.UserId, user?.Email, user?.Name, membership.Role, membership.StoreIds, membership.CreatedAt);
    }

    private static IResult MemberNotFound(long userId) =>
        Results.Problem(statusCode: 404, title: "Member not found", detail: $"User {userId} is not a member of this account.");
}
