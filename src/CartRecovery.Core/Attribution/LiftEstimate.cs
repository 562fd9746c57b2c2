namespace CartRecovery.Core.Attribution;

/// <summary>
/// Treated against control carts of one sequence (one currency). When <see cref="EnoughData"/> is false the groups are
/// too small for an interval worth showing (below <see cref="LiftEstimator.MinCartsPerGroup"/> carts in either) and
/// the interval fields are null.
/// </summary>
public sealed record LiftEstimate(GroupOutcome Treated, GroupOutcome Control, bool EnoughData)
{
    /// <summary>Treated conversion rate minus control conversion rate (a fraction of abandoned carts).</summary>
    public Interval? RateLift { get; init; }

    /// <summary>Revenue per abandoned cart, treated minus control (minor units).</summary>
    public Interval? RevenuePerCartLift { get; init; }

    /// <summary>Orders the messages caused among the treated carts: rate lift × treated carts.</summary>
    public Interval? IncrementalOrders => RateLift?.Scale(Treated.Carts);

    /// <summary>Revenue the messages caused among the treated carts (minor units): revenue-per-cart lift × treated carts.</summary>
    public Interval? IncrementalRevenueMinor => RevenuePerCartLift?.Scale(Treated.Carts);
}
