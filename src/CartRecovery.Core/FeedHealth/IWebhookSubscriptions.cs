using CartRecovery.Core.Stores;

namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// A connector's check of its webhook subscriptions at the platform: a merchant, another app or the platform itself (after
/// failed deliveries) can delete them, and then only polling brings carts in. Each connector with webhooks registers one.
/// </summary>
public interface IWebhookSubscriptions
{
    /// <summary>The <see cref="Store.Platform"/> this check serves.</summary>
    string Platform { get; }

    /// <summary>Lists the store's subscriptions at the platform and re-creates the missing ones; never throws for a platform failure.</summary>
    Task<SubscriptionCheck> EnsureAsync(Store store, CancellationToken ct);
}

/// <summary>
/// What a subscription check found: the topics that were missing, those it re-created, and the platform's failure when
/// it could not list or create (null when none).
/// </summary>
public sealed record SubscriptionCheck(IReadOnlyList<string> Missing, IReadOnlyList<string> Recreated, string? Failure)
{
    public static readonly SubscriptionCheck AllPresent = new([], [], null);

    /// <summary>True when the store is left without some of its webhooks.</summary>
    public bool IsBroken => Failure is not null || Missing.Except(Recreated, StringComparer.Ordinal).Any();
}
