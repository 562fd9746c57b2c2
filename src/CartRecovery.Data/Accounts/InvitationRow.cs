using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class InvitationRow
{
    public const string Columns = """
        id, account_id, email, role, store_ids, invited_by_user_id, created_at, expires_at, accepted_at, revoked_at
        """;

    public long Id { get; set; }
    public long AccountId { get; set; }
    public byte[] TokenHash { get; set; } = [];
    public string Email { get; set; } = "";
    public long Role { get; set; }
    public string? StoreIds { get; set; }
    public long? InvitedByUserId { get; set; }
    public long CreatedAt { get; set; }
    public long ExpiresAt { get; set; }
    public long? AcceptedAt { get; set; }
    public long? RevokedAt { get; set; }

    public static InvitationRow From(Invitation invitation, byte[] tokenHash, string normalizedEmail) => new()
    {
        AccountId = invitation.AccountId,
        TokenHash = tokenHash,
        Email = normalizedEmail,
        Role = (long)invitation.Role,
        StoreIds = StoreIdList.ToDb(invitation.StoreIds),
        InvitedByUserId = invitation.InvitedByUserId,
        CreatedAt = DbTime.ToDb(invitation.CreatedAt),
        ExpiresAt = DbTime.ToDb(invitation.ExpiresAt),
        AcceptedAt = DbTime.ToDb(invitation.AcceptedAt),
        RevokedAt = DbTime.ToDb(invitation.RevokedAt),
    };

    public Invitation ToInvitation() => new()
    {
        Id = Id,
        AccountId = AccountId,
        Email = Email,
        Role = (AccountRole)Role,
        StoreIds = StoreIdList.FromDb(StoreIds),
        InvitedByUserId = InvitedByUserId,
        CreatedAt = DbTime.FromDb(CreatedAt),
        ExpiresAt = DbTime.FromDb(ExpiresAt),
        AcceptedAt = DbTime.FromDb(AcceptedAt),
        RevokedAt = DbTime.FromDb(RevokedAt),
    };
}
