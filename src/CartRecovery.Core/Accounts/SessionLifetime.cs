namespace CartRecovery.Core.Accounts;

/// <summary>
/// How long a signed-in browser stays signed in: at most <see cref="Absolute"/> after sign-in, and only while it is used
/// at least once per <see cref="Idle"/>. Activity is written at most once per <see cref="TouchEvery"/>, so a busy page
/// does not turn every request into a database write.
/// </summary>
public sealed record SessionLifetime(TimeSpan Idle, TimeSpan Absolute)
{
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public UserSession Start(byte[] tokenHash, long userId, long? accountId, DateTimeOffset now) => new()
    {
        TokenHash = tokenHash,
        UserId = userId,
        AccountId = accountId,
        CreatedAt = now,
        LastSeenAt = now,
        ExpiresAt = now + Absolute,
    };

    public bool IsAlive(UserSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return now < session.ExpiresAt && now < session.LastSeenAt + Idle;
    }

    public static bool NeedsTouch(UserSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return now - session.LastSeenAt >= TouchEvery;
    }
}
