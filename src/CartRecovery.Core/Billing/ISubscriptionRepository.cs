namespace CartRecovery.Core.Billing;

public interface ISubscriptionRepository
{
    Task<StoreSubscription?> GetAsync(long storeId, CancellationToken ct);

    /// <summary>The subscription with this external (Shopify) id, for the <c>app_subscriptions/update</c> webhook.</summary>
    Task<StoreSubscription?> FindByExternalIdAsync(string externalId, CancellationToken ct);

    Task UpsertAsync(StoreSubscription subscription, CancellationToken ct);
}
