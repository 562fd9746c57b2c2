namespace CartRecovery.Core.Sequences;

/// <summary>
/// An ordered list of steps a cart goes through once abandoned. A store's own sequences also carry the
/// <see cref="Conditions"/> a cart must meet to enrol and a <see cref="Priority"/> (lower is tried first); the shipped
/// presets match every cart.
/// </summary>
public sealed record SequenceDefinition(string Name, IReadOnlyList<SequenceStep> Steps)
{
    /// <summary>Lower runs first when several of a store's sequences match a cart; ties go to the older sequence.</summary>
    public int Priority { get; init; }

    public SequenceConditions Conditions { get; init; } = SequenceConditions.Any;

    /// <summary>
    /// The share of enrolled carts (0 to <see cref="ControlGroup.MaxPercent"/>) held out as a control group: enrolled
    /// but never messaged, so their orders measure what the sequence adds (<see cref="Attribution.LiftEstimator"/>).
    /// </summary>
    public int HoldOutPercent { get; init; }
}
