using System.Text.RegularExpressions;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Email.Localization;
using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>
/// Renders the Liquid templates of a <see cref="TemplateCatalog"/> in the customer's language (see
/// <see cref="EmailLanguage.Choose"/>). The HTML part is HTML-encoded by default (a product named
/// <c>&lt;script&gt;</c> stays text); subject and text parts are plain text and are not encoded. Layouts see the same
/// variables plus <c>subject</c> and the rendered body as <c>content</c>.
/// </summary>
public sealed partial class FluidEmailComposer : IEmailComposer
{
    private readonly TemplateCatalog _catalog;

    /// <exception cref="InvalidOperationException">The catalog lacks a template that a shipped sequence sends.</exception>
    public FluidEmailComposer(TemplateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var missing = SequencePresets.All
            .SelectMany(s => s.Steps)
            .Where(step => step.Kind == StepKind.Email && !catalog.Names.Contains(step.Template))
            .Select(step => step.Template)
            .Distinct()
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"No email template for '{string.Join("', '", missing)}', which the shipped sequences send.");
        _catalog = catalog;
    }

    public async Task<EmailContent> ComposeAsync(EmailModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ct.ThrowIfCancellationRequested();
        var name = model.Message.Template;
        var language = EmailLanguage.Choose(model.Cart, model.Store, lang => _catalog.Has(name, lang));
        var template = _catalog.Get(name, language);
        var culture = EmailLanguage.Culture(language);
        var values = TemplateModel.Build(model, language);
        try
        {
            var subject = Whitespace().Replace(await TemplateRendering.RenderAsync(template.Subject, values, NullEncoder.Default, culture), " ").Trim();
            values["subject"] = subject;

            // Two passes instead of Fluid's include: the body is rendered (and encoded) first, then the layout
            // prints it with "raw". Both were parsed at startup, so nothing is read or parsed while sending.
            values["content"] = await TemplateRendering.RenderAsync(template.Html, values, TemplateRendering.Html, culture);
            var html = await TemplateRendering.RenderAsync(_catalog.HtmlLayout, values, TemplateRendering.Html, culture);
            values["content"] = await TemplateRendering.RenderAsync(template.Text, values, NullEncoder.Default, culture);
            var text = await TemplateRendering.RenderAsync(_catalog.TextLayout, values, NullEncoder.Default, culture);
            return new EmailContent(subject, html, TidyText(text));
        }
        catch (FluidException error)
        {
            throw new InvalidOperationException($"Email template '{template.Name}' failed to render: {error.Message}", error);
        }
    }

    // Liquid tags leave blank lines and trailing spaces behind; plain-text readers show them all, so the text part
    // keeps at most one empty line in a row.
    private static string TidyText(string text) =>
        BlankLines().Replace(TrailingSpaces().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), ""), "\n\n").Trim() + "\n";

    // Not \s: that would also flatten the non-breaking spaces of "10 % de réduction".
    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ \t]+$", RegexOptions.Multiline)]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
