using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class MembershipRow
{
    public const string Columns = "account_id, user_id, role, store_ids, created_at";

    public long AccountId { get; set; }
    public long UserId { get; set; }
    public long Role { get; set; }
    public string? StoreIds { get; set; }
    public long CreatedAt { get; set; }

    public static MembershipRow From(Membership membership) => new()
    {
        AccountId = membership.AccountId,
        UserId = membership.UserId,
        Role = (long)membership.Role,
        StoreIds = StoreIdList.ToDb(membership.StoreIds),
        CreatedAt = DbTime.ToDb(membership.CreatedAt),
    };

    public Membership ToMembership() => new()
    {
        AccountId = AccountId,
        UserId = UserId,
        Role = (AccountRole)Role,
        StoreIds = StoreIdList.FromDb(StoreIds),
        CreatedAt = DbTime.FromDb(CreatedAt),
    };
}
