namespace CartRecovery.Core.Attribution;

/// <summary>
/// What one group of abandoned carts did afterwards, in one currency: how many carts, how many became an order, the
/// orders' revenue (minor units) and the sum of each cart's revenue squared (a cart without order counts 0), which the
/// revenue interval needs. Squares are a double because they outgrow a long at large baskets.
/// </summary>
public sealed record GroupOutcome(long Carts, long Converted, long RevenueMinor, double RevenueSquaresMinor)
{
    public static readonly GroupOutcome Empty = new(0, 0, 0, 0);

    public double ConversionRate => Carts == 0 ? 0 : (double)Converted / Carts;

    /// <summary>Revenue per abandoned cart, in minor units.</summary>
    public double RevenuePerCart => Carts == 0 ? 0 : (double)RevenueMinor / Carts;

    /// <summary>Adds one cart and the revenue of its order (0 when it did not convert).</summary>
    public GroupOutcome With(long orderRevenueMinor) => new(Carts + 1, Converted + (orderRevenueMinor > 0 ? 1 : 0),
        RevenueMinor + orderRevenueMinor, RevenueSquaresMinor + (double)orderRevenueMinor * orderRevenueMinor);
}
