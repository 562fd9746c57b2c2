namespace CartRecovery.Core.Metrics;

/// <summary>
/// One store's numbers for one UTC day in one cart currency, each counted on the day of its own event (abandoned,
/// sent, delivered, opened, clicked, recovered). Kept after the retention purge erases the carts they came from.
/// </summary>
/// <remarks>Delivered, opened and clicked count emails and texts alike; <see cref="EmailsSent"/> and
/// <see cref="TextsSent"/> count each channel's sends.</remarks>
public sealed record DailyStoreMetrics(
    long StoreId,
    DateOnly Day,
    string Currency,
    long CartsAbandoned,
    long EmailsSent,
    long EmailsDelivered,
    long EmailsOpened,
    long EmailsClicked,
    long RecoveredOrders,
    long RecoveredRevenueMinor)
{
    public long TextsSent { get; init; }
}
