namespace CartRecovery.Core.Sequences;

/// <summary>
/// One arm of a step's A/B test. <see cref="Subject"/> (Liquid) replaces the template's subject and
/// <see cref="Template"/> replaces the step's template; a variant with neither is the control.
/// </summary>
public sealed record StepVariant(string Key, string? Subject = null, string? Template = null);
