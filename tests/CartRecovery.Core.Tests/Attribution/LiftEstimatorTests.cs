using CartRecovery.Core.Attribution;

namespace CartRecovery.Core.Tests.Attribution;

/// <summary>
/// The estimator on synthetic populations whose true lift is known: each trial draws a treated and a control group
/// from fixed conversion rates and basket sizes, and the 95 % intervals must hold the truth in about 95 % of trials
/// (the bounds leave room for the randomness of 400 trials: the binomial 99.9 % range is 91 %–98.5 %).
/// </summary>
public sealed class LiftEstimatorTests
{
    private const int Trials = 400;

    [Fact]
    public void Estimate_WithARealLift_IntervalsHoldTheTrueLiftAboutNineteenTimesInTwenty()
    {
        var (rateHits, revenueHits, positive) = Coverage(treatedRate: 0.06, controlRate: 0.04, seed: 17);

        Assert.InRange(rateHits, 0.91, 0.985);
        Assert.InRange(revenueHits, 0.91, 0.985);
        // 9,000 treated against 1,000 held out: a two-point lift is visible most of the time, not always.
        Assert.True(positive > 0.5, $"lift seen as positive in {positive:P0} of trials");
    }

    [Fact]
    public void Estimate_WithoutLift_IntervalsHoldZeroAboutNineteenTimesInTwenty()
    {
        var (rateHits, revenueHits, positive) = Coverage(treatedRate: 0.05, controlRate: 0.05, seed: 23);

        Assert.InRange(rateHits, 0.91, 0.985);
        Assert.InRange(revenueHits, 0.91, 0.985);
        Assert.True(positive < 0.05, $"a lift that does not exist was called real in {positive:P0} of trials");
    }

    [Fact]
    public void Estimate_OneLargePopulation_LandsNearTheTruthWithinItsInterval()
    {
        var random = new Random(5);
        var estimate = LiftEstimator.Estimate(Draw(random, 90_000, 0.08), Draw(random, 10_000, 0.05));

        Assert.True(estimate.EnoughData);
        Assert.True(estimate.RateLift!.Value.Contains(0.03), $"{estimate.RateLift}");
        Assert.InRange(estimate.RateLift.Value.Estimate, 0.02, 0.04);
        Assert.True(estimate.RateLift.Value.IsPositive);
        Assert.True(estimate.RevenuePerCartLift!.Value.Contains(0.03 * MeanBasket), $"{estimate.RevenuePerCartLift}");
        // Incremental orders and revenue are the per-cart lifts over the treated carts.
        Assert.Equal(estimate.RateLift.Value.Estimate * 90_000, estimate.IncrementalOrders!.Value.Estimate, 6);
        Assert.Equal(estimate.RevenuePerCartLift.Value.Low * 90_000, estimate.IncrementalRevenueMinor!.Value.Low, 3);
    }

    [Theory]
    [InlineData(99, 5_000)]
    [InlineData(5_000, 99)]
    public void Estimate_BelowTheMinimumInEitherGroup_SaysNotEnoughData(int treated, int control)
    {
        var random = new Random(1);

        var estimate = LiftEstimator.Estimate(Draw(random, treated, 0.05), Draw(random, control, 0.05));

        Assert.False(estimate.EnoughData);
        Assert.Null(estimate.RateLift);
        Assert.Null(estimate.IncrementalRevenueMinor);
    }

    [Fact]
    public void Estimate_NoOrderInEitherGroup_GivesAnIntervalAroundZero()
    {
        var none = new GroupOutcome(500, 0, 0, 0);

        var estimate = LiftEstimator.Estimate(none, none);

        Assert.True(estimate.RateLift!.Value.Contains(0));
        Assert.True(estimate.RateLift.Value.High > 0, "zero orders in 500 carts does not prove a rate of exactly zero");
        Assert.Equal(new Interval(0, 0, 0), estimate.RevenuePerCartLift);
    }

    private const double MeanBasket = 8_000;

    private static (double RateHits, double RevenueHits, double Positive) Coverage(double treatedRate, double controlRate, int seed)
    {
        var random = new Random(seed);
        var trueRevenueLift = (treatedRate - controlRate) * MeanBasket;
        int rateHits = 0, revenueHits = 0, positive = 0;
        for (var i = 0; i < Trials; i++)
        {
            var estimate = LiftEstimator.Estimate(Draw(random, 9_000, treatedRate), Draw(random, 1_000, controlRate));
            rateHits += estimate.RateLift!.Value.Contains(treatedRate - controlRate) ? 1 : 0;
            revenueHits += estimate.RevenuePerCartLift!.Value.Contains(trueRevenueLift) ? 1 : 0;
            positive += estimate.RateLift.Value.IsPositive ? 1 : 0;
        }
        return ((double)rateHits / Trials, (double)revenueHits / Trials, (double)positive / Trials);
    }

    // Baskets are skewed like real ones: exponential with mean MeanBasket minor units, at least 1.
    private static GroupOutcome Draw(Random random, int carts, double rate)
    {
        var group = GroupOutcome.Empty;
        for (var i = 0; i < carts; i++)
            group = group.With(random.NextDouble() < rate ? Math.Max(1, (long)(-Math.Log(1 - random.NextDouble()) * MeanBasket)) : 0);
        return group;
    }
}
