namespace CartRecovery.Core.Accounts;

/// <summary>
/// A program's key to one account. The secret is shown once at creation and only its SHA-256 is stored
/// (<see cref="ApiKeyToken"/>); <see cref="Prefix"/> stays visible so people can tell their keys apart.
/// </summary>
public sealed record ApiKey
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public required string Name { get; init; }
    /// <summary>The public part of the token (<c>crk_{Prefix}_…</c>), unique; how a presented key is looked up.</summary>
    public required string Prefix { get; init; }
    public AccountRole Role { get; init; } = AccountRole.Member;
    /// <summary>Null: every store of the account; otherwise only these.</summary>
    public IReadOnlyList<long>? StoreIds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The user who created it; null when the operator did.</summary>
    public long? CreatedByUserId { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
