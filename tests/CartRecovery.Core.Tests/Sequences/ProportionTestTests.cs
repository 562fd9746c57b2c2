using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class ProportionTestTests
{
    [Fact]
    public void Compare_ClearDifference_IsSignificant()
    {
        // 20 % vs 25 % over 1000 each: z = 2.6774, p = 0.00742 (pooled two-proportion z-test).
        var result = ProportionTest.Compare(200, 1000, 250, 1000);
        Assert.True(result.EnoughData);
        Assert.Equal(2.6774, result.ZScore!.Value, 4);
        Assert.Equal(0.00742, result.PValue!.Value, 5);
        Assert.True(result.SignificantAt95);
    }

    [Fact]
    public void Compare_SmallDifference_IsNotSignificant()
    {
        // 10 % vs 12 % over 500 each: z = 1.0107, p = 0.3122.
        var result = ProportionTest.Compare(50, 500, 60, 500);
        Assert.Equal(1.0107, result.ZScore!.Value, 4);
        Assert.Equal(0.3122, result.PValue!.Value, 4);
        Assert.False(result.SignificantAt95);
    }

    [Fact]
    public void Compare_BelowTheMinimumSample_GivesNoVerdict()
    {
        var result = ProportionTest.Compare(0, ProportionTest.MinSamplePerVariant - 1, 20, 1000);
        Assert.Equal(new Significance(false, null, null, false), result);
    }

    [Fact]
    public void Compare_BothRatesZero_IsNotSignificant()
    {
        Assert.Equal(new Significance(true, 0, 1, false), ProportionTest.Compare(0, 100, 0, 100));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1.959963985, 0.05)]
    [InlineData(-1.959963985, 1.95)]
    public void Erfc_KnownValues(double zOverSqrt2Times, double expected)
    {
        Assert.Equal(expected, ProportionTest.Erfc(zOverSqrt2Times / Math.Sqrt(2)), 6);
    }
}
