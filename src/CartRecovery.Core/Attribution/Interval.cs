namespace CartRecovery.Core.Attribution;

/// <summary>A point estimate with its 95 % confidence interval.</summary>
public readonly record struct Interval(double Estimate, double Low, double High)
{
    public bool Contains(double value) => Low <= value && value <= High;

    /// <summary>True when the whole interval is above zero: the effect is real at the 95 % level.</summary>
    public bool IsPositive => Low > 0;

    public Interval Scale(double factor) => factor >= 0
        ? new(Estimate * factor, Low * factor, High * factor)
        : new(Estimate * factor, High * factor, Low * factor);
}
