namespace CartRecovery.Email.Templates;

/// <summary>Why Liquid source did not parse, and where when Fluid says so (1-based).</summary>
internal sealed record TemplateParseError(string Reason, int? Line, int? Column)
{
    public override string ToString() => Line is { } line ? $"{Reason} (line {line}, column {Column})" : Reason;
}
