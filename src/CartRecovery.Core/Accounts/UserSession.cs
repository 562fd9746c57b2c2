namespace CartRecovery.Core.Accounts;

/// <summary>
/// A signed-in browser. The cookie holds a random token; only its SHA-256 (<see cref="TokenHash"/>) is stored, so a
/// copy of the database signs nobody in. Ends at <see cref="ExpiresAt"/>, after an idle period, at sign-out, or when
/// the person signs out everywhere.
/// </summary>
public sealed record UserSession
{
    public required byte[] TokenHash { get; init; }
    public long UserId { get; init; }
    /// <summary>The account the person is working in (they may belong to several and switch).</summary>
    public long? AccountId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
