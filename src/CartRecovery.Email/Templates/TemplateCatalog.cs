using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Email.Localization;
using CartRecovery.Email.Templates.Limits;
using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>
/// The parsed email templates. Files are named <c>{name}.{part}.liquid</c> where part is <c>subject</c>,
/// <c>html</c> or <c>text</c>; a translation adds its language (<c>offer.fr.html.liquid</c>) and the unsuffixed
/// name is English, which every translation falls back to. <c>_layout.html.liquid</c> and
/// <c>_layout.text.liquid</c> wrap every body in every language (their words come from the model).
/// </summary>
public sealed partial class TemplateCatalog
{
    public const string Extension = ".liquid";
    private const string LayoutName = "_layout";
    private const string ResourcePrefix = "CartRecovery.Email.Templates.";
    private static readonly string[] Parts = ["subject", "html", "text"];

    // FluidParser is thread-safe and costly to build, so one serves the whole process.
    private static readonly GuardedFluidParser Parser = new();

    private readonly Dictionary<(string Name, string Language), EmailTemplate> _templates;

    private TemplateCatalog(Dictionary<(string, string), EmailTemplate> templates, IFluidTemplate htmlLayout, IFluidTemplate textLayout)
    {
        _templates = templates;
        Names = templates.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal).ToList();
        HtmlLayout = htmlLayout;
        TextLayout = textLayout;
    }

    /// <summary>The template names that can be composed, e.g. <c>reminder</c> and <c>offer</c> (translations are not listed apart).</summary>
    public IReadOnlyCollection<string> Names { get; }

    internal IFluidTemplate HtmlLayout { get; }

    internal IFluidTemplate TextLayout { get; }

    /// <summary>
    /// Parses Liquid source. On failure <paramref name="error"/> gives the reason and where, e.g.
    /// <c>End of tag '}}' was expected (line 2, column 7)</c>, fit to show to whoever wrote the template.
    /// </summary>
    public static bool TryParse(string source, [NotNullWhen(true)] out IFluidTemplate? template, [NotNullWhen(false)] out string? error)
    {
        if (TryParseDetailed(source, out template, out var failure))
        {
            error = null;
            return true;
        }
        error = failure.ToString();
        return false;
    }

    /// <summary>
    /// As <see cref="TryParse(string, out IFluidTemplate?, out string?)"/>, with the position apart for editors that
    /// highlight it. Also refuses what breaks the <see cref="TemplateLimits"/> that apply before rendering (size,
    /// nesting, syntax depth), and returns the template with its ranges and captures bounded.
    /// </summary>
    internal static bool TryParseDetailed(string source, [NotNullWhen(true)] out IFluidTemplate? template, [NotNullWhen(false)] out TemplateParseError? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        template = null;
        if (Encoding.UTF8.GetByteCount(source) > TemplateLimits.MaxSourceBytes)
        {
            error = new($"The template is larger than {TemplateLimits.MaxSourceBytes / 1024} KiB", null, null, ExceedsLimit: true);
            return false;
        }
        if (!Parser.TryParseLimited(source, out var parsed, out var fluidError, out var exceedsLimit))
        {
            error = Describe(fluidError) with { ExceedsLimit = exceedsLimit };
            return false;
        }
        try
        {
            template = SyntaxBounds.Apply(parsed);
        }
        catch (TemplateLimitException limit)
        {
            error = new(limit.Message, null, null, ExceedsLimit: true);
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>
    /// The shipped Liquid source of one part (<c>subject</c>, <c>html</c> or <c>text</c>) in <paramref name="language"/>,
    /// or its English original when it has no such translation; null when no template has that name.
    /// </summary>
    public static string? BuiltInSource(string name, string language, string part)
    {
        ArgumentNullException.ThrowIfNull(name);
        var assembly = typeof(TemplateCatalog).Assembly;
        foreach (var stem in new[] { $"{name}.{language}", name })
        {
            using var stream = assembly.GetManifestResourceStream($"{ResourcePrefix}{stem}.{part}{Extension}");
            if (stream is not null)
            {
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
        }
        return null;
    }

    /// <summary>The templates shipped in this assembly.</summary>
    /// <exception cref="InvalidOperationException">A template is broken or incomplete.</exception>
    public static TemplateCatalog FromEmbeddedResources()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files[resource[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }
        return FromFiles(files);
    }

    /// <summary>Parses every file once; keys are file names such as <c>offer.html.liquid</c> or <c>offer.fr.html.liquid</c>.</summary>
    /// <exception cref="InvalidOperationException">A file does not parse or is misnamed, a template lacks a part, or a translation lacks its English original.</exception>
    public static TemplateCatalog FromFiles(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parsed = new Dictionary<(string Stem, string Part), IFluidTemplate>();
        foreach (var (fileName, source) in files)
        {
            var (stem, part) = SplitFileName(fileName);
            if (!TryParse(source, out var template, out var error))
                throw new InvalidOperationException($"Email template '{fileName}' is invalid: {error}");
            parsed[(stem, part)] = template;
        }

        var templates = new Dictionary<(string, string), EmailTemplate>();
        foreach (var stem in parsed.Keys.Select(k => k.Stem).Where(s => s != LayoutName).Distinct())
        {
            var (name, language) = SplitStem(stem);
            templates[(name, language)] = new EmailTemplate(stem,
                Require(parsed, stem, "subject"), Require(parsed, stem, "html"), Require(parsed, stem, "text"));
        }
        var orphan = templates.Keys.FirstOrDefault(k => !templates.ContainsKey((k.Item1, EmailLanguage.Default)));
        if (orphan != default)
            throw new InvalidOperationException($"Email template '{orphan.Item1}.{orphan.Item2}' has no English original '{orphan.Item1}' to fall back to.");
        return new(templates, Require(parsed, LayoutName, "html"), Require(parsed, LayoutName, "text"));
    }

    /// <summary>Whether <paramref name="name"/> exists in <paramref name="language"/> (English always does for a known name).</summary>
    internal bool Has(string name, string language) => _templates.ContainsKey((name, language));

    /// <summary>The template in <paramref name="language"/>, or its English original when it has no such translation.</summary>
    /// <exception cref="InvalidOperationException">No template has that name.</exception>
    internal EmailTemplate Get(string name, string language = EmailLanguage.Default) =>
        _templates.TryGetValue((name, language), out var translated) ? translated
        : _templates.TryGetValue((name, EmailLanguage.Default), out var original) ? original
        : throw new InvalidOperationException($"Unknown email template '{name}'. Known templates: {string.Join(", ", Names)}.");

    private static (string Stem, string Part) SplitFileName(string fileName)
    {
        var stem = fileName.EndsWith(Extension, StringComparison.Ordinal) ? fileName[..^Extension.Length] : "";
        var dot = stem.LastIndexOf('.');
        if (dot <= 0 || !Parts.Contains(stem[(dot + 1)..], StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"Email template file '{fileName}' must be named {{name}}[.{{language}}].{{{string.Join('|', Parts)}}}{Extension}.");
        return (stem[..dot], stem[(dot + 1)..]);
    }

    // "offer" is English; "offer.fr" is its French translation. Anything else after a dot is a naming mistake.
    private static (string Name, string Language) SplitStem(string stem)
    {
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return (stem, EmailLanguage.Default);
        var language = stem[(dot + 1)..];
        if (dot == 0 || EmailLanguage.Normalize(language) != language)
            throw new InvalidOperationException($"Email template '{stem}' must be named {{name}} or {{name}}.{{language}}, with a language code such as 'fr'.");
        return (stem[..dot], language);
    }

    private static IFluidTemplate Require(Dictionary<(string, string), IFluidTemplate> parsed, string stem, string part) =>
        parsed.TryGetValue((stem, part), out var template)
            ? template
            : throw new InvalidOperationException($"Email template '{stem}' has no {part} part (expected '{stem}.{part}{Extension}').");

    // Fluid reports "<reason> at (line:column)" followed by a source excerpt; people read "line 2, column 7" faster.
    private static TemplateParseError Describe(string fluidError)
    {
        var firstLine = fluidError.Split('\n', 2)[0].Trim();
        var match = Position().Match(firstLine);
        return match.Success
            ? new(firstLine[..match.Index], int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture))
            : new(firstLine, null, null);
    }

    [GeneratedRegex(@" at \((\d+):(\d+)\)$")]
    private static partial Regex Position();
}
