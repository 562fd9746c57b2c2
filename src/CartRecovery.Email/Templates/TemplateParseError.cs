namespace CartRecovery.Email.Templates;

/// <summary>
/// Why Liquid source did not parse, and where when Fluid says so (1-based). <paramref name="ExceedsLimit"/>: refused
/// by a <see cref="Limits.TemplateLimits"/> limit rather than for its syntax.
/// </summary>
internal sealed record TemplateParseError(string Reason, int? Line, int? Column, bool ExceedsLimit = false)
{
    public override string ToString() => Line is { } line ? $"{Reason} (line {line}, column {Column})" : Reason;
}
