namespace CartRecovery.Core.Sequences;

/// <summary>
/// One arm of a step's A/B test. <see cref="Subject"/> (Liquid) replaces the template's subject, <see cref="Template"/>
/// replaces the step's template and <see cref="Delay"/> the step's wait after abandonment; a variant with none of them is
/// the control.
/// </summary>
public sealed record StepVariant(string Key, string? Subject = null, string? Template = null, TimeSpan? Delay = null);
