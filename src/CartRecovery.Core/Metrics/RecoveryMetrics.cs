namespace CartRecovery.Core.Metrics;

/// <summary>An amount of money in one currency; totals across stores are kept per currency, never converted.</summary>
public sealed record MoneyTotal(string Currency, long AmountMinor);

public sealed record StepMetrics(int Step, long Sent, long Clicked, long RecoveredOrders, IReadOnlyList<MoneyTotal> RecoveredRevenue)
{
    public long Delivered { get; init; }
    public long Opened { get; init; }
}

/// <summary>The merchant's headline numbers: what was abandoned, what we did, what came back.</summary>
/// <remarks><see cref="EmailsSent"/> counts emails, <see cref="TextsSent"/> texts; delivered, clicked and the per-step figures count both.</remarks>
public sealed record RecoveryMetrics(
    long AbandonedCarts,
    long EmailsSent,
    long Delivered,
    long Opened,
    long Clicked,
    long RecoveredOrders,
    long UnassistedOrders,
    IReadOnlyList<MoneyTotal> RecoveredRevenue,
    IReadOnlyList<StepMetrics> BySteps)
{
    /// <summary>Texts (SMS steps) handed to the provider.</summary>
    public long TextsSent { get; init; }

    /// <summary>Recovered orders over abandoned carts, 0 when nothing was abandoned.</summary>
    public double RecoveryRate => AbandonedCarts == 0 ? 0 : (double)RecoveredOrders / AbandonedCarts;
}
