namespace CartRecovery.Core.Sequences;

/// <summary>An ordered list of steps a cart goes through once abandoned.</summary>
public sealed record SequenceDefinition(string Name, IReadOnlyList<SequenceStep> Steps);
