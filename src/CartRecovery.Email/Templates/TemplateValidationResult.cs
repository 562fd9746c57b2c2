namespace CartRecovery.Email.Templates;

/// <summary>
/// Whether a template may be saved; when not, the reason and (for syntax errors and unknown filters) the 1-based
/// line and column to highlight.
/// </summary>
public sealed record TemplateValidationResult(bool IsValid, int? Line, int? Column, string? Error)
{
    public static TemplateValidationResult Valid { get; } = new(true, null, null, null);

    public static TemplateValidationResult Invalid(string error, int? line = null, int? column = null) => new(false, line, column, error);
}
