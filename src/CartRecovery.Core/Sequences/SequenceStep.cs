namespace CartRecovery.Core.Sequences;

/// <summary>One step of a recovery sequence; <see cref="Delay"/> counts from the moment the cart was abandoned.</summary>
public sealed record SequenceStep(int Number, TimeSpan Delay, StepKind Kind, string Template, OfferSpec? Offer = null);
