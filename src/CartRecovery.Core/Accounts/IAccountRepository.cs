namespace CartRecovery.Core.Accounts;

/// <summary>Accounts, the people in them and their roles.</summary>
public interface IAccountRepository
{
    Task<Account> CreateAsync(string name, AccountKind kind, DateTimeOffset now, CancellationToken ct);

    Task<Account?> GetAsync(long accountId, CancellationToken ct);

    /// <summary>Every account (the operator's view).</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct);

    /// <summary>
    /// Moves a store into an account (a store belongs to exactly one); false when there is no such store. The account it
    /// leaves is deleted when nothing refers to it any more (the account made for the store alone when it was saved
    /// without one: no people, keys, invitations, sessions, audit entries or other stores).
    /// </summary>
    Task<bool> AssignStoreAsync(long storeId, long accountId, CancellationToken ct);

    Task<User?> GetUserAsync(long userId, CancellationToken ct);

    /// <summary>Looks a person up by email, normalized (trimmed, lower case) by the store.</summary>
    Task<User?> FindUserByEmailAsync(string email, CancellationToken ct);

    /// <summary>The person with this email, created on first sight.</summary>
    Task<User> GetOrCreateUserByEmailAsync(string email, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// The person known to an outside provider by this subject (provider <c>shopify</c>, subject <c>{shop}/{sub}</c>),
    /// created on first sight (with no email).
    /// </summary>
    Task<User> GetOrCreateUserByLoginAsync(string provider, string subject, DateTimeOffset now, CancellationToken ct);

    Task RecordSignInAsync(long userId, DateTimeOffset at, CancellationToken ct);

    Task<Membership?> GetMembershipAsync(long accountId, long userId, CancellationToken ct);

    Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(long userId, CancellationToken ct);

    Task<IReadOnlyList<Membership>> ListMembersAsync(long accountId, CancellationToken ct);

    /// <summary>
    /// Adds the person to the account or changes their role and stores. Refused (<see cref="MembershipChange.LastOwner"/>,
    /// nothing changed) when it would leave the account without an owner; checked in the same transaction.
    /// </summary>
    Task<MembershipChange> SetMembershipAsync(Membership membership, CancellationToken ct);

    /// <summary>Removes the person from the account; refused the same way for the last owner.</summary>
    Task<MembershipChange> RemoveMembershipAsync(long accountId, long userId, CancellationToken ct);
}

public enum MembershipChange
{
    Done = 0,
    NotFound = 1,
    /// <summary>The account would be left without an owner.</summary>
    LastOwner = 2,
}
