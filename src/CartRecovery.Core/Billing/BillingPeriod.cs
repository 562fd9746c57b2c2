namespace CartRecovery.Core.Billing;

/// <summary>A span of sending that one plan allowance covers: [Start, End).</summary>
public readonly record struct BillingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Shopify bills apps every 30 days; its subscription says when the current period ends.</summary>
    public static readonly TimeSpan ShopifyInterval = TimeSpan.FromDays(30);

    /// <summary>The UTC calendar month holding <paramref name="instant"/> (invoiced stores).</summary>
    public static BillingPeriod Month(DateTimeOffset instant)
    {
        var start = new DateTimeOffset(instant.UtcDateTime.Year, instant.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new(start, start.AddMonths(1));
    }

    /// <summary>
    /// The period holding <paramref name="now"/> for this subscription: Shopify's 30-day period when it told us its end
    /// (rolled forward if the next one started before the webhook came), else the calendar month.
    /// </summary>
    public static BillingPeriod For(StoreSubscription? subscription, DateTimeOffset now)
    {
        if (subscription?.CurrentPeriodEnd is not { } end)
            return Month(now);
        while (end <= now)
            end += ShopifyInterval;
        while (end - ShopifyInterval > now)
            end -= ShopifyInterval;
        return new(end - ShopifyInterval, end);
    }
}
