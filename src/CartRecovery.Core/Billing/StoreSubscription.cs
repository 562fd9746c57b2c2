namespace CartRecovery.Core.Billing;

/// <summary>
/// The plan a store is on. For a Shopify store it mirrors the app subscription the merchant approved (Shopify is the
/// truth: <c>currentAppInstallation</c> and the <c>app_subscriptions/update</c> webhook); other stores are invoiced
/// from a monthly usage statement and have no external subscription.
/// </summary>
public sealed record StoreSubscription
{
    public long StoreId { get; init; }
    public required string Plan { get; init; }
    public SubscriptionStatus Status { get; init; }
    /// <summary>Shopify's AppSubscription GID; null for invoiced stores.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Shopify's line item with usage pricing, where usage records go; null without one.</summary>
    public string? UsageLineItemId { get; init; }
    /// <summary>Where the merchant approves a pending subscription.</summary>
    public string? ConfirmationUrl { get; init; }
    public bool Test { get; init; }
    public DateTimeOffset? TrialEndsAt { get; init; }
    /// <summary>End of the current 30-day billing period (Shopify's <c>currentPeriodEnd</c>); null: calendar months.</summary>
    public DateTimeOffset? CurrentPeriodEnd { get; init; }
    /// <summary>Usage already charged (in the plan's currency) in the period that ends at <see cref="UsagePeriodEnd"/>.</summary>
    public decimal UsageCharged { get; init; }
    public DateTimeOffset? UsagePeriodEnd { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
