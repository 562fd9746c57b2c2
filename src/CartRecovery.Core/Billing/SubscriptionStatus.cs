namespace CartRecovery.Core.Billing;

/// <summary>A store's subscription, as Shopify's <c>AppSubscriptionStatus</c> names them; invoiced stores are always Active.</summary>
public enum SubscriptionStatus
{
    /// <summary>Created; the merchant has not approved it yet.</summary>
    Pending = 0,
    Active = 1,
    Declined = 2,
    Expired = 3,
    /// <summary>The shop's own Shopify bill is unpaid: Shopify freezes app charges until it is.</summary>
    Frozen = 4,
    Cancelled = 5,
}
