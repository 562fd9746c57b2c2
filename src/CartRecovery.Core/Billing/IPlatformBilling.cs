using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Billing;

/// <summary>
/// A platform whose app store requires apps to charge through it (Shopify's Billing API). Stores of other platforms
/// are invoiced from <see cref="UsageStatement"/>s instead.
/// </summary>
public interface IPlatformBilling
{
    /// <summary>The <see cref="Store.Platform"/> this bills.</summary>
    string Platform { get; }

    /// <summary>
    /// Asks the platform for a subscription to <paramref name="plan"/>; returns it Pending, with the URL where the
    /// merchant approves it. The merchant's approval (or refusal) comes back through <see cref="SyncAsync"/>.
    /// </summary>
    Task<StoreSubscription> SubscribeAsync(Store store, Plan plan, string currency, Uri returnUrl, bool test, CancellationToken ct);

    /// <summary>The store's subscription as the platform has it now (its active one), or null when it has none.</summary>
    Task<StoreSubscription?> SyncAsync(Store store, CancellationToken ct);

    /// <summary>Charges usage on the subscription's usage line item; the key makes a retried call charge once.</summary>
    Task RecordUsageAsync(Store store, StoreSubscription subscription, decimal amount, string currency, string description, string idempotencyKey,
        CancellationToken ct);
}
