namespace CartRecovery.Core.Sequences;

/// <summary>
/// One step of a recovery sequence; <see cref="Delay"/> counts from the moment the cart was abandoned. <see cref="Kind"/>
/// is the step's channel. A step with <see cref="Variants"/> is an A/B test: each cart gets one variant
/// (<see cref="VariantAssigner"/>), which may replace the subject or the whole template.
/// </summary>
public sealed record SequenceStep(int Number, TimeSpan Delay, StepKind Kind, string Template, OfferSpec? Offer = null)
{
    public IReadOnlyList<StepVariant> Variants { get; init; } = [];
}
