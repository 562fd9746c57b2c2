namespace CartRecovery.Core.Sequences;

/// <summary>The outcome of comparing two rates; <see cref="EnoughData"/> false means no verdict yet (no z, no p).</summary>
public sealed record Significance(bool EnoughData, double? ZScore, double? PValue, bool SignificantAt95);

/// <summary>
/// Two-proportion z-test (pooled, two-sided): is variant B's rate different from variant A's? The normal approximation
/// needs enough trials, so below <see cref="MinSamplePerVariant"/> sends per variant it gives no verdict.
/// </summary>
public static class ProportionTest
{
    public const int MinSamplePerVariant = 30;
    private const double Critical95 = 0.05;

    public static Significance Compare(long successesA, long trialsA, long successesB, long trialsB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successesA);
        ArgumentOutOfRangeException.ThrowIfNegative(successesB);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successesA, trialsA);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successesB, trialsB);
        if (trialsA < MinSamplePerVariant || trialsB < MinSamplePerVariant)
            return new(false, null, null, false);

        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        // Both rates 0 % (or both 100 %): identical, nothing to test.
        if (standardError == 0)
            return new(true, 0, 1, false);
        var z = ((double)successesB / trialsB - (double)successesA / trialsA) / standardError;
        var p = Erfc(Math.Abs(z) / Math.Sqrt(2));
        return new(true, z, p, p < Critical95);
    }

    /// <summary>Complementary error function, Chebyshev fit with fractional error below 1.2e-7 (Numerical Recipes, erfcc).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
