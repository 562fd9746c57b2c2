using System.Text.RegularExpressions;
using CartRecovery.Email.Localization;
using Fluid;
using Fluid.Ast;

namespace CartRecovery.Email.Templates;

/// <summary>
/// Checks one Liquid template part before it is saved, so a broken template is refused with its line and reason
/// instead of failing an email at send time.
/// </summary>
public static class TemplateValidator
{
    /// <summary>
    /// Parses <paramref name="source"/>, checks every filter it names (in every branch, not only those a sample
    /// reaches), then renders it with a sample cart, with and without an offer, to catch what fails only at runtime.
    /// </summary>
    public static TemplateValidationResult Validate(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!TemplateCatalog.TryParseDetailed(source, out var template, out var parseError))
            return TemplateValidationResult.Invalid(parseError.ToString(), parseError.Line, parseError.Column);

        // Rendering alone would miss "{% if offer %}{{ x | typo }}{% endif %}" whenever the sample has no offer,
        // so filters are checked on the syntax tree first.
        var collector = new FilterCollector();
        collector.VisitTemplate(template);
        foreach (var filter in collector.Names.Distinct(StringComparer.Ordinal))
        {
            if (!TemplateRendering.Options.Filters.TryGetValue(filter, out _))
            {
                var (line, column) = Locate(source, filter);
                var error = $"Unknown filter '{filter}'";
                return TemplateValidationResult.Invalid(line is null ? error : $"{error} (line {line}, column {column})", line, column);
            }
        }

        foreach (var withOffer in new[] { true, false })
        {
            try
            {
                Render(template, withOffer);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A merchant's template is untrusted input: whatever it throws with sample data, it is not fit to send.
                return TemplateValidationResult.Invalid($"The template fails with a sample cart: {error.Message}");
            }
        }
        return TemplateValidationResult.Valid;
    }

    private static void Render(IFluidTemplate template, bool withOffer)
    {
        var values = TemplateModel.Build(SampleEmailModel.Create(withOffer), EmailLanguage.Default);
        // What layouts print; a body simply ignores them.
        values["subject"] = "Your cart at Sample Shop is waiting";
        values["content"] = "<p>Sample content</p>";
        TemplateRendering.Render(template, values, TemplateRendering.Html, EmailLanguage.Culture(EmailLanguage.Default));
    }

    // The syntax tree carries no positions, so the first "| name" in the source points the author at it.
    private static (int? Line, int? Column) Locate(string source, string filter)
    {
        var match = Regex.Match(source, $@"\|\s*({Regex.Escape(filter)})(?![\w-])");
        if (!match.Success)
            return (null, null);
        var index = match.Groups[1].Index;
        var lineStart = source.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (source.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    private sealed class FilterCollector : AstVisitor
    {
        public List<string> Names { get; } = [];

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            Names.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }
    }
}
