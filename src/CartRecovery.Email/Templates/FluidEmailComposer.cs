using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Email.Localization;
using CartRecovery.Email.Templates.Limits;
using Fluid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Email.Templates;

/// <summary>
/// Renders the Liquid templates of a <see cref="TemplateCatalog"/> in the customer's language (see
/// <see cref="EmailLanguage.Choose"/>). The HTML part is HTML-encoded by default (a product named
/// <c>&lt;script&gt;</c> stays text); subject and text parts are plain text and are not encoded. Layouts see the same
/// variables plus <c>subject</c> and the rendered body as <c>content</c>. A store's own parts (<see cref="ITemplateRepository"/>)
/// replace the built-in ones for the same template and language, part by part. A store's part (or a variant subject)
/// that breaks a <see cref="TemplateLimits"/> limit fails the message with a <see cref="TemplateLimitException"/>
/// naming the part; one that merely fails to parse or render is replaced by the built-in part.
/// </summary>
public sealed partial class FluidEmailComposer : IEmailComposer
{
    private readonly TemplateCatalog _catalog;
    private readonly ITemplateRepository? _overrides;
    private readonly ILogger _logger;

    // One entry per overridden part: a send parses a store's source only when it changed since the last send.
    private readonly ConcurrentDictionary<(long StoreId, string Name, string Locale, string Part), ParsedOverride> _parsed = new();

    // Variant subjects by source: immutable once saved (an edit is a new sequence version), so the source is the key.
    private readonly ConcurrentDictionary<string, ParsedSource> _variantSubjects = new(StringComparer.Ordinal);

    /// <summary>Only the built-in templates (no store overrides).</summary>
    /// <exception cref="InvalidOperationException">The catalog lacks a template that a shipped sequence sends.</exception>
    public FluidEmailComposer(TemplateCatalog catalog)
        : this(catalog, null, NullLogger<FluidEmailComposer>.Instance)
    {
    }

    /// <summary>The built-in templates, replaced part by part by a store's overrides from <paramref name="overrides"/>.</summary>
    /// <exception cref="InvalidOperationException">The catalog lacks a template that a shipped sequence sends.</exception>
    public FluidEmailComposer(TemplateCatalog catalog, ITemplateRepository? overrides, ILogger<FluidEmailComposer> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        var missing = SequencePresets.All
            .SelectMany(s => s.Steps)
            .Where(step => step.Kind == StepKind.Email && !catalog.Names.Contains(step.Template))
            .Select(step => step.Template)
            .Distinct()
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"No email template for '{string.Join("', '", missing)}', which the shipped sequences send.");
        _catalog = catalog;
        _overrides = overrides;
        _logger = logger;
    }

    public async Task<EmailContent> ComposeAsync(EmailModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ct.ThrowIfCancellationRequested();
        var name = model.Message.Template;
        var language = EmailLanguage.Choose(model.Cart, model.Store, lang => _catalog.Has(name, lang));
        var builtIn = _catalog.Get(name, language);
        var own = WithVariantSubject(await WithOverridesAsync(builtIn, model.Store.Id, name, language, ct) ?? builtIn, model);
        if (ReferenceEquals(own, builtIn))
            return await RenderAsync(builtIn, model, language);
        try
        {
            return await RenderAsync(own, model, language);
        }
        catch (TemplateLimitException error)
        {
            throw new TemplateLimitException($"Store {model.Store.Id}'s own '{name}' template or variant subject ({language}) breaks a limit: {error.Message}");
        }
        catch (InvalidOperationException error)
        {
            // Saving validates an override against a sample cart; should a real cart still break it, the customer
            // gets the built-in email rather than none.
            _logger.LogWarning(error, "Store {StoreId}'s own '{Template}' template or variant subject ({Language}) failed to render; sending the built-in one",
                model.Store.Id, name, language);
            return await RenderAsync(builtIn, model, language);
        }
    }

    private async Task<EmailContent> RenderAsync(EmailTemplate template, EmailModel model, string language)
    {
        var culture = EmailLanguage.Culture(language);
        var values = TemplateModel.Build(model, language);
        try
        {
            var subject = Whitespace().Replace(await TemplateRendering.RenderAsync(template.Subject, values, NullEncoder.Default, culture), " ").Trim();
            values["subject"] = subject;

            // Two passes instead of Fluid's include: the body is rendered (and encoded) first, then the layout
            // prints it with "raw". Built-in parts were parsed at startup and overrides are parsed once per saved version.
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

    /// <summary>The built-in template with the store's overridden parts in its place, or null when it has none.</summary>
    private async Task<EmailTemplate?> WithOverridesAsync(EmailTemplate builtIn, long storeId, string name, string language, CancellationToken ct)
    {
        if (_overrides is null)
            return null;
        var result = builtIn;
        foreach (var own in await _overrides.ListAsync(storeId, ct))
        {
            if (own.Name != name || own.Locale != language || Parse(own) is not { } parsed)
                continue;
            result = own.Part switch
            {
                StoreTemplate.SubjectPart => result with { Subject = parsed },
                StoreTemplate.HtmlPart => result with { Html = parsed },
                StoreTemplate.TextPart => result with { Text = parsed },
                _ => result,
            };
        }
        return ReferenceEquals(result, builtIn) ? null : result;
    }

    /// <summary>
    /// The A/B variant's subject (<see cref="Core.Messages.OutboundMessage.SubjectOverride"/>) in place of the template's,
    /// in every language. The API validates it when the sequence is saved; one that still does not parse is skipped.
    /// </summary>
    private EmailTemplate WithVariantSubject(EmailTemplate template, EmailModel model)
    {
        if (model.Message.SubjectOverride is not { Length: > 0 } source)
            return template;
        var parsed = _variantSubjects.GetOrAdd(source, ParsedSource.Parse);
        if (parsed.Error is { ExceedsLimit: true } limit)
            throw new TemplateLimitException($"The variant subject of message {model.Message.Id} breaks a limit: {limit}");
        if (parsed.Template is null)
        {
            _logger.LogWarning("The variant subject of message {MessageId} does not parse; the template's subject is used", model.Message.Id);
            return template;
        }
        return template with { Subject = parsed.Template };
    }

    // The API refuses a source that does not parse or breaks a limit, so failing here means the row was written some
    // other way (by hand, or by an older version without the limits): a syntax error falls back to the built-in part,
    // with the warning logged once per saved version; a broken limit fails every message that would use the part.
    private IFluidTemplate? Parse(StoreTemplate own)
    {
        var key = (own.StoreId, own.Name, own.Locale, own.Part);
        // UpdatedAt has millisecond precision; comparing the source too covers two saves in the same millisecond.
        if (!(_parsed.TryGetValue(key, out var cached) && cached.UpdatedAt == own.UpdatedAt && cached.Source == own.Source))
        {
            cached = new ParsedOverride(own.UpdatedAt, own.Source, ParsedSource.Parse(own.Source));
            _parsed[key] = cached;
            if (cached.Parsed.Error is { ExceedsLimit: false } error)
            {
                _logger.LogWarning("Store {StoreId}'s own {Part} part of '{Template}' ({Language}) does not parse, so the built-in one is used: {Error}",
                    own.StoreId, own.Part, own.Name, own.Locale, error.ToString());
            }
        }
        if (cached.Parsed.Error is { ExceedsLimit: true } limit)
            throw new TemplateLimitException($"Store {own.StoreId}'s own {own.Part} part of '{own.Name}' ({own.Locale}) breaks a limit: {limit}");
        return cached.Parsed.Template;
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

    private sealed record ParsedOverride(DateTimeOffset UpdatedAt, string Source, ParsedSource Parsed);

    private sealed record ParsedSource(IFluidTemplate? Template, TemplateParseError? Error)
    {
        public static ParsedSource Parse(string source) =>
            TemplateCatalog.TryParseDetailed(source, out var template, out var error) ? new(template, null) : new(null, error);
    }
}
