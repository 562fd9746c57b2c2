namespace CartRecovery.Core.Stores;

/// <summary>What a store's connection last delivered, for its health card: read from what is already stored.</summary>
public interface IStoreActivity
{
    Task<StoreActivity> GetAsync(long storeId, CancellationToken ct);
}

/// <summary>When the store's last webhook arrived and when its storefront capture script last posted a cart (null: never).</summary>
public sealed record StoreActivity(DateTimeOffset? LastWebhookAt, DateTimeOffset? LastCaptureAt);
