using CartRecovery.Core.Accounts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// The stores as the caller of this request sees them: the one place the API decides what a caller may reach. A store
/// outside the caller's <see cref="AccessScope"/> reads exactly like a missing one (null, so a 404 that confirms
/// nothing); carts and tasks are reached through their store; list queries get <see cref="VisibleStoreIdsAsync"/>
/// and filter in SQL.
/// </summary>
internal sealed class StoreAccess(IHttpContextAccessor http, IStoreRepository stores, ICartRepository carts, IFollowUpTaskRepository tasks)
{
    public AccessScope Scope =>
        (http.HttpContext ?? throw new InvalidOperationException("Store access is for requests.")).Scope();

    /// <summary>The store, or null when there is no such store or the caller may not see it.</summary>
    public async Task<Store?> GetAsync(long storeId, CancellationToken ct) =>
        await stores.GetAsync(storeId, ct) is { } store && Scope.CanSee(store) ? store : null;

    /// <summary>The stores the caller may see: every store for the operator, else its account's (or some of them).</summary>
    public async Task<IReadOnlyList<Store>> ListAsync(CancellationToken ct)
    {
        var scope = Scope;
        if (scope.AccountId is not { } account)
            return scope.IsOperator ? await stores.ListAsync(ct) : [];
        return (await stores.ListForAccountAsync(account, ct)).Where(scope.CanSee).ToList();
    }

    /// <summary>The ids of the stores the caller may see; null for the operator (every store, no filter at all).</summary>
    public async Task<IReadOnlyCollection<long>?> VisibleStoreIdsAsync(CancellationToken ct) =>
        Scope.IsOperator ? null : (await ListAsync(ct)).Select(s => s.Id).ToList();

    /// <summary>The cart, or null when there is none or its store is not visible to the caller.</summary>
    public async Task<Cart?> GetCartAsync(long cartId, CancellationToken ct) =>
        await carts.GetAsync(cartId, ct) is { } cart && await GetAsync(cart.StoreId, ct) is not null ? cart : null;

    /// <summary>The follow-up task, or null when there is none or its store is not visible to the caller.</summary>
    public async Task<FollowUpTask?> GetTaskAsync(long taskId, CancellationToken ct) =>
        await tasks.GetAsync(taskId, ct) is { } task && await GetAsync(task.StoreId, ct) is not null ? task : null;
}
