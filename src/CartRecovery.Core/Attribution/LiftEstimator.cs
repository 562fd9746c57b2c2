namespace CartRecovery.Core.Attribution;

/// <summary>
/// The incremental effect of a sequence, from its treated carts and its hold-out (<see cref="Sequences.ControlGroup"/>):
/// what the messages earned beyond the orders that would have come anyway, which attributed figures ("an order after
/// an email") overstate. Conversion lift uses Newcombe's hybrid score interval (Wilson intervals of each rate
/// combined), sound for the small rates of cart recovery; revenue per cart uses Welch's normal interval on the
/// per-cart revenue (zero for carts without order).
/// </summary>
public static class LiftEstimator
{
    /// <summary>Below this many carts in either group the estimate says "not enough data".</summary>
    public const int MinCartsPerGroup = 100;

    private const double Z95 = 1.959963984540054;

    public static LiftEstimate Estimate(GroupOutcome treated, GroupOutcome control)
    {
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(control);
        if (treated.Carts < MinCartsPerGroup || control.Carts < MinCartsPerGroup)
            return new(treated, control, EnoughData: false);
        return new(treated, control, EnoughData: true)
        {
            RateLift = RateDifference(treated, control),
            RevenuePerCartLift = MeanDifference(treated, control),
        };
    }

    private static Interval RateDifference(GroupOutcome treated, GroupOutcome control)
    {
        var (p1, p2) = (treated.ConversionRate, control.ConversionRate);
        var (l1, u1) = Wilson(treated.Converted, treated.Carts);
        var (l2, u2) = Wilson(control.Converted, control.Carts);
        var difference = p1 - p2;
        return new(difference,
            difference - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)),
            difference + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)));
    }

    private static (double Low, double High) Wilson(long successes, long trials)
    {
        var p = (double)successes / trials;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        var half = Z95 * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static Interval MeanDifference(GroupOutcome treated, GroupOutcome control)
    {
        var difference = treated.RevenuePerCart - control.RevenuePerCart;
        var standardError = Math.Sqrt(Variance(treated) / treated.Carts + Variance(control) / control.Carts);
        return new(difference, difference - Z95 * standardError, difference + Z95 * standardError);
    }

    // Sample variance of the per-cart revenue from its sum and sum of squares (clamped: rounding may go below zero).
    private static double Variance(GroupOutcome group) =>
        Math.Max(0, (group.RevenueSquaresMinor - (double)group.RevenueMinor * group.RevenueMinor / group.Carts) / (group.Carts - 1));
}
