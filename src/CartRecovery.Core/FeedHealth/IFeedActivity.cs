namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// Reads a store's feeds from what is already recorded (webhook inbox, carts); no platform is called. Webhooks:
/// deliveries received; polling: checkouts the platform reported (carts not from the capture script); capture: carts the
/// storefront script posted.
/// </summary>
public interface IFeedActivity
{
    /// <summary>The feed's last event ever (null: none).</summary>
    Task<DateTimeOffset?> LastEventAsync(long storeId, FeedSource source, CancellationToken ct);

    /// <summary>The feed's events in <c>[since, until)</c> counted per UTC hour, keyed by the hour's start; hours without events are absent.</summary>
    Task<IReadOnlyDictionary<DateTimeOffset, int>> EventsPerHourAsync(long storeId, FeedSource source, DateTimeOffset since, DateTimeOffset until,
        CancellationToken ct);
}
