using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Accounts;

/// <summary>
/// What the caller of a request may see and do: the operator (the deployment-wide <c>Admin:ApiKey</c>) sees every
/// store; a person or an API key sees the stores of one account (or some of them) with one role. Every endpoint that
/// reads or changes a store's data asks <see cref="CanSee(Store)"/>; a store it cannot see does not exist for it.
/// </summary>
public sealed record AccessScope
{
    public static readonly AccessScope Operator = new() { IsOperator = true, Role = AccountRole.Owner };

    public bool IsOperator { get; private init; }
    /// <summary>The account acted in; null for the operator.</summary>
    public long? AccountId { get; init; }
    public AccountRole Role { get; init; }
    /// <summary>Null: every store of the account (or every store at all for the operator).</summary>
    public IReadOnlySet<long>? StoreIds { get; init; }
    /// <summary>Who acts, for the audit log.</summary>
    public Actor Actor { get; init; } = Actor.Operator;

    public static AccessScope ForAccount(long accountId, AccountRole role, IEnumerable<long>? storeIds, Actor actor) => new()
    {
        AccountId = accountId,
        Role = role,
        StoreIds = storeIds?.ToHashSet(),
        Actor = actor,
    };

    public bool CanSee(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return IsOperator || (store.AccountId == AccountId && AccountId is not null && (StoreIds is null || StoreIds.Contains(store.Id)));
    }

    public bool Allows(AccountRole needed) => IsOperator || Role >= needed;
}
