using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class UserSessionRow
{
    public const string Columns = "token_hash, user_id, account_id, created_at, last_seen_at, expires_at";

    public byte[] TokenHash { get; set; } = [];
    public long UserId { get; set; }
    public long? AccountId { get; set; }
    public long CreatedAt { get; set; }
    public long LastSeenAt { get; set; }
    public long ExpiresAt { get; set; }

    public static UserSessionRow From(UserSession session) => new()
    {
        TokenHash = session.TokenHash,
        UserId = session.UserId,
        AccountId = session.AccountId,
        CreatedAt = DbTime.ToDb(session.CreatedAt),
        LastSeenAt = DbTime.ToDb(session.LastSeenAt),
        ExpiresAt = DbTime.ToDb(session.ExpiresAt),
    };

    public UserSession ToSession() => new()
    {
        TokenHash = TokenHash,
        UserId = UserId,
        AccountId = AccountId,
        CreatedAt = DbTime.FromDb(CreatedAt),
        LastSeenAt = DbTime.FromDb(LastSeenAt),
        ExpiresAt = DbTime.FromDb(ExpiresAt),
    };
}
