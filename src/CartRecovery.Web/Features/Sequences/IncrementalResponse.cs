using CartRecovery.Core.Attribution;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// The results' <c>incremental</c> block: the sequence's treated carts against its control group (issue 15), beside the
/// attributed figures ("an order after a message"), which count orders that would have come anyway. Rates are fractions
/// of abandoned carts, money is minor units of <see cref="Currency"/>, intervals are 95 %. <see cref="Status"/> is
/// <c>off</c> (no version ever held carts out), <c>not-enough-data</c> (fewer than <see cref="MinCartsPerGroup"/> carts in
/// a group; no intervals) or <c>estimated</c>.
/// </summary>
internal sealed record IncrementalResponse(string Status, int HoldOutPercent, string Currency, int MinCartsPerGroup,
    GroupResponse? Treated, GroupResponse? Control, IntervalResponse? ConversionRateLift, IntervalResponse? RevenuePerCartLiftMinor,
    IntervalResponse? IncrementalOrders, IntervalResponse? IncrementalRevenueMinor)
{
    public static IncrementalResponse From(LiftEstimate? estimate, int holdOutPercent, string currency) => estimate is null
        ? new("off", holdOutPercent, currency, LiftEstimator.MinCartsPerGroup, null, null, null, null, null, null)
        : new(estimate.EnoughData ? "estimated" : "not-enough-data", holdOutPercent, currency, LiftEstimator.MinCartsPerGroup,
            GroupResponse.From(estimate.Treated), GroupResponse.From(estimate.Control), IntervalResponse.From(estimate.RateLift),
            IntervalResponse.From(estimate.RevenuePerCartLift), IntervalResponse.From(estimate.IncrementalOrders),
            IntervalResponse.From(estimate.IncrementalRevenueMinor));
}

internal sealed record GroupResponse(long Carts, long Converted, double ConversionRate, long RevenueMinor, double RevenuePerCartMinor)
{
    public static GroupResponse From(GroupOutcome g) => new(g.Carts, g.Converted, g.ConversionRate, g.RevenueMinor, g.RevenuePerCart);
}

/// <summary>An estimate with its 95 % interval; <see cref="Positive"/> when the whole interval is above zero.</summary>
internal sealed record IntervalResponse(double Estimate, double Low, double High, bool Positive)
{
    public static IntervalResponse? From(Interval? i) => i is { } v ? new(v.Estimate, v.Low, v.High, v.IsPositive) : null;
}
