using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Accounts;

internal enum TeamOutcome
{
    Done,
    /// <summary>The person is not a member of the account (or is another account's): a 404.</summary>
    NotFound,
    /// <summary>The account's last owner can be neither demoted nor removed.</summary>
    LastOwner,
    /// <summary>A field broke a rule (<see cref="TeamChange.Field"/>, <see cref="TeamChange.Rule"/>).</summary>
    Invalid,
}

/// <summary>What came of a change to the team: the member as they are now, or why nothing changed.</summary>
internal sealed record TeamChange(TeamOutcome Outcome, TeamEndpoints.MemberResponse? Member = null, string? Field = null, string? Rule = null);

/// <summary>
/// The team rules both the API (<see cref="TeamEndpoints"/>) and the Team page use: list the people of an account,
/// change a person's role and stores, remove a person; the last owner stays. Every change is audited.
/// </summary>
internal sealed class TeamChanges(IAccountRepository accounts, StoreAccess stores, AuditTrail audit)
{
    public async Task<IReadOnlyList<TeamEndpoints.MemberResponse>> ListAsync(long account, CancellationToken ct)
    {
        var members = new List<TeamEndpoints.MemberResponse>();
        foreach (var membership in await accounts.ListMembersAsync(account, ct))
            members.Add(await DescribeAsync(membership, ct));
        return members;
    }

    public async Task<TeamChange> ChangeAsync(long account, long userId, AccountRole role, IReadOnlyList<long>? storeIds, CancellationToken ct)
    {
        var stored = storeIds?.Distinct().Order().ToList();
        if (stored is { Count: 0 })
            return new(TeamOutcome.Invalid, Field: "storeIds", Rule: "storeIds must name at least one store (or be omitted for every store of the account)");
        foreach (var storeId in stored ?? [])
        {
            if (await stores.GetAsync(storeId, ct) is not { } store || store.AccountId != account)
                return new(TeamOutcome.Invalid, Field: "storeIds", Rule: $"storeIds: there is no store {storeId} in this account");
        }
        if (await accounts.GetMembershipAsync(account, userId, ct) is not { } before)
            return new(TeamOutcome.NotFound);

        var changed = before with { Role = role, StoreIds = stored };
        if (Refused(await accounts.SetMembershipAsync(changed, ct)) is { } refused)
            return refused;
        var after = await DescribeAsync(changed, ct);
        await audit.RecordAsync(account, null, "team.change", $"user:{userId}", await DescribeAsync(before, ct), after, ct);
        return new(TeamOutcome.Done, after);
    }

    public async Task<TeamChange> RemoveAsync(long account, long userId, CancellationToken ct)
    {
        if (await accounts.GetMembershipAsync(account, userId, ct) is not { } before)
            return new(TeamOutcome.NotFound);
        var described = await DescribeAsync(before, ct);
        if (Refused(await accounts.RemoveMembershipAsync(account, userId, ct)) is { } refused)
            return refused;
        await audit.RecordAsync(account, null, "team.remove", $"user:{userId}", described, null, ct);
        return new(TeamOutcome.Done, described);
    }

    private static TeamChange? Refused(MembershipChange change) => change switch
    {
        MembershipChange.NotFound => new(TeamOutcome.NotFound),
        MembershipChange.LastOwner => new(TeamOutcome.LastOwner),
        _ => null,
    };

    private async Task<TeamEndpoints.MemberResponse> DescribeAsync(Membership membership, CancellationToken ct)
    {
        var user = await accounts.GetUserAsync(membership.UserId, ct);
        return new(membership.UserId, user?.Email, user?.Name, membership.Role, membership.StoreIds, membership.CreatedAt);
    }
}
