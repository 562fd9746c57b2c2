using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>
/// Renders the Liquid templates of a <see cref="TemplateCatalog"/>. The HTML part is HTML-encoded by default (a
/// product named <c>&lt;script&gt;</c> stays text); subject and text parts are plain text and are not encoded.
/// Layouts see the same variables plus <c>subject</c> and the rendered body as <c>content</c>.
/// </summary>
public sealed partial class FluidEmailComposer : IEmailComposer
{
    // Configured once and only read afterwards, which is how Fluid wants options shared across threads.
    private static readonly TemplateOptions RenderOptions = new();

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
        var template = _catalog.Get(model.Message.Template);
        var values = TemplateModel.Build(model);
        try
        {
            var subject = Whitespace().Replace(await RenderAsync(template.Subject, values, NullEncoder.Default), " ").Trim();
            values["subject"] = subject;

            // Two passes instead of Fluid's include: the body is rendered (and encoded) first, then the layout
            // prints it with "raw". Both were parsed at startup, so nothing is read or parsed while sending.
            values["content"] = await RenderAsync(template.Html, values, HtmlEncoder.Default);
            var html = await RenderAsync(_catalog.HtmlLayout, values, HtmlEncoder.Default);
            values["content"] = await RenderAsync(template.Text, values, NullEncoder.Default);
            var text = await RenderAsync(_catalog.TextLayout, values, NullEncoder.Default);
            return new EmailContent(subject, html, TidyText(text));
        }
        catch (FluidException error)
        {
            throw new InvalidOperationException($"Email template '{template.Name}' failed to render: {error.Message}", error);
        }
    }

    private static async Task<string> RenderAsync(IFluidTemplate template, Dictionary<string, object?> values, TextEncoder encoder)
    {
        var context = new TemplateContext(RenderOptions);
        foreach (var (name, value) in values)
            context.SetValue(name, value);
        return await template.RenderAsync(context, encoder);
    }

    // Liquid tags leave blank lines and trailing spaces behind; plain-text readers show them all, so the text part
    // keeps at most one empty line in a row.
    private static string TidyText(string text) =>
        BlankLines().Replace(TrailingSpaces().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), ""), "\n\n").Trim() + "\n";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ \t]+$", RegexOptions.Multiline)]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
