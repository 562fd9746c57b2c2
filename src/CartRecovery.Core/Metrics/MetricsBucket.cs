namespace CartRecovery.Core.Metrics;

/// <summary>
/// What one store saw in one quarter hour starting at <see cref="Start"/> (UTC): carts abandoned, emails and texts sent, orders
/// recovered and their revenue, in one currency. Every time zone's offset is a whole number of quarter hours, so a
/// bucket falls inside one local day of any store, whatever its zone.
/// </summary>
public sealed record MetricsBucket(long StoreId, DateTimeOffset Start, string Currency, long Abandoned, long EmailsSent, long RecoveredOrders,
    long RecoveredRevenueMinor)
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    public long TextsSent { get; init; }
}
