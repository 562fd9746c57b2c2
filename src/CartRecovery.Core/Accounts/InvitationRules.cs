namespace CartRecovery.Core.Accounts;

/// <summary>What an inviter may hand out: never a role above their own, never a store they cannot see themselves.</summary>
public static class InvitationRules
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Null when allowed; otherwise the field and the rule it broke.</summary>
    /// <param name="visibleStoreIds">The ids of the stores the inviter can see.</param>
    public static (string Field, string Rule)? Check(AccessScope inviter, AccountRole role, IReadOnlyList<long>? storeIds,
        IReadOnlySet<long> visibleStoreIds)
    {
        ArgumentNullException.ThrowIfNull(inviter);
        ArgumentNullException.ThrowIfNull(visibleStoreIds);
        if (!Enum.IsDefined(role))
            return ("role", "role must be viewer, member or owner");
        if (!inviter.Allows(role))
            return ("role", $"role cannot be above your own ({inviter.Role.ToString().ToLowerInvariant()})");
        if (storeIds is null)
            return inviter.StoreIds is null ? null : ("storeIds", "storeIds is required: you see only some of the account's stores");
        if (storeIds.Count == 0)
            return ("storeIds", "storeIds must name at least one store, or be left out for every store");
        if (storeIds.FirstOrDefault(id => !visibleStoreIds.Contains(id)) is var unknown and not 0)
            return ("storeIds", $"store {unknown} is not one of the account's stores you can see");
        return null;
    }

    /// <summary>
    /// The membership accepting gives: the invitation's role and stores, except that it never lowers what the person
    /// already has in the account (an owner who clicks an old viewer invitation stays owner).
    /// </summary>
    public static Membership Accepting(Invitation invitation, long userId, Membership? existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (existing is not null && (existing.Role > invitation.Role || (existing.Role == invitation.Role && existing.StoreIds is null)))
            return existing;
        return new Membership
        {
            AccountId = invitation.AccountId,
            UserId = userId,
            Role = invitation.Role,
            StoreIds = invitation.StoreIds,
            CreatedAt = existing?.CreatedAt ?? now,
        };
    }
}
