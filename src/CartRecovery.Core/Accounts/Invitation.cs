namespace CartRecovery.Core.Accounts;

/// <summary>An owner's invitation of a person (by email) into an account, with the role and stores they will get.</summary>
public sealed record Invitation
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public required string Email { get; init; }
    public AccountRole Role { get; init; }
    public IReadOnlyList<long>? StoreIds { get; init; }
    public long? InvitedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
