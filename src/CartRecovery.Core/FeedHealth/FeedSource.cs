namespace CartRecovery.Core.FeedHealth;

/// <summary>Where a store's carts come from: the platform's webhooks, our poll of its API, the storefront capture script.</summary>
public enum FeedSource
{
    Webhooks = 0,
    Polling = 1,
    Capture = 2,
}
