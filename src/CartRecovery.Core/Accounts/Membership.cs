namespace CartRecovery.Core.Accounts;

/// <summary>
/// A person's place in an account. <see cref="StoreIds"/> narrows it to some of the account's stores (an agency lets a
/// client merchant see that client's shops only); null means every store of the account.
/// </summary>
public sealed record Membership
{
    public long AccountId { get; init; }
    public long UserId { get; init; }
    public AccountRole Role { get; init; }
    public IReadOnlyList<long>? StoreIds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
