using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// Where the signed-in person works on this request: their account, themselves, the shops they may see and the one
/// chosen (the <c>store</c> query parameter; none chosen = the whole account). Loaded once per request by
/// <see cref="WorkspaceLoader"/>; every page reads its stores from here, so a page cannot show another account's shop.
/// </summary>
public sealed class Workspace
{
    public required AccessScope Scope { get; init; }
    public required Account Account { get; init; }
    public required User Person { get; init; }
    /// <summary>The shops the person may see, by name.</summary>
    public required IReadOnlyList<Store> Stores { get; init; }
    /// <summary>The shop chosen with <c>?store=</c>, or null for the whole account.</summary>
    public Store? Store { get; init; }
    /// <summary>The other accounts the person belongs to (the account switcher).</summary>
    public required IReadOnlyList<Account> OtherAccounts { get; init; }

    public bool CanEdit => Scope.Allows(AccountRole.Member);
    public bool IsOwner => Scope.Allows(AccountRole.Owner);
    public bool IsAgency => Account.Kind == AccountKind.Agency;

    /// <summary>The shop chosen, else the first one (for pages that always show one shop); null when there is none.</summary>
    public Store? StoreOrFirst => Store ?? (Stores.Count > 0 ? Stores[0] : null);

    /// <summary>A visible store by id, or null: another account's store reads exactly like a missing one.</summary>
    public Store? Find(long? storeId) => storeId is { } id ? Stores.FirstOrDefault(s => s.Id == id) : null;

    /// <summary>The ids of every visible store (for list queries that filter in SQL).</summary>
    public IReadOnlyCollection<long> StoreIds => Stores.Select(s => s.Id).ToList();
}
