namespace CartRecovery.Core.Sequences;

/// <summary>
/// One step of a recovery sequence; <see cref="Delay"/> counts from the moment the cart was abandoned. <see cref="Kind"/>
/// is the step's channel. A step with <see cref="Variants"/> is an A/B test: each cart gets one variant
/// (<see cref="VariantAssigner"/>), which may replace the subject, the whole template or the wait.
/// </summary>
public sealed record SequenceStep(int Number, TimeSpan Delay, StepKind Kind, string Template, OfferSpec? Offer = null)
{
    public IReadOnlyList<StepVariant> Variants { get; init; } = [];

    /// <summary>How long a cart given <paramref name="variant"/> (or none) waits for this step.</summary>
    public TimeSpan DelayOf(StepVariant? variant) => variant?.Delay ?? Delay;

    /// <summary>The shortest and longest wait of the step across its variants.</summary>
    public (TimeSpan Earliest, TimeSpan Latest) DelayRange =>
        Variants.Count == 0 ? (Delay, Delay) : (Variants.Min(DelayOf), Variants.Max(DelayOf));
}
