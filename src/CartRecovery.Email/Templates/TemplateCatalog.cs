using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>
/// The parsed email templates. Files are named <c>{name}.{part}.liquid</c> where part is <c>subject</c>,
/// <c>html</c> or <c>text</c>; <c>_layout.html.liquid</c> and <c>_layout.text.liquid</c> wrap every body. A name may
/// later carry a locale (<c>offer.fr</c>) without changing this scheme.
/// </summary>
public sealed partial class TemplateCatalog
{
    public const string Extension = ".liquid";
    private const string LayoutName = "_layout";
    private const string ResourcePrefix = "CartRecovery.Email.Templates.";
    private static readonly string[] Parts = ["subject", "html", "text"];

    // FluidParser is thread-safe and costly to build, so one serves the whole process.
    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, EmailTemplate> _templates;

    private TemplateCatalog(Dictionary<string, EmailTemplate> templates, IFluidTemplate htmlLayout, IFluidTemplate textLayout)
    {
        _templates = templates;
        HtmlLayout = htmlLayout;
        TextLayout = textLayout;
    }

    /// <summary>The template names that can be composed, e.g. <c>reminder</c> and <c>offer</c>.</summary>
    public IReadOnlyCollection<string> Names => _templates.Keys;

    internal IFluidTemplate HtmlLayout { get; }

    internal IFluidTemplate TextLayout { get; }

    /// <summary>
    /// Parses Liquid source. On failure <paramref name="error"/> gives the reason and where, e.g.
    /// <c>End of tag '}}' was expected (line 2, column 7)</c>, fit to show to whoever wrote the template.
    /// </summary>
    public static bool TryParse(string source, [NotNullWhen(true)] out IFluidTemplate? template, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Parser.TryParse(source, out template, out var fluidError))
        {
            error = null;
            return true;
        }
        template = null;
        error = Describe(fluidError);
        return false;
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

    /// <summary>Parses every file once; keys are file names such as <c>offer.html.liquid</c>.</summary>
    /// <exception cref="InvalidOperationException">A file does not parse, is misnamed, or a template lacks a part.</exception>
    public static TemplateCatalog FromFiles(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parsed = new Dictionary<(string Name, string Part), IFluidTemplate>();
        foreach (var (fileName, source) in files)
        {
            var (name, part) = SplitFileName(fileName);
            if (!TryParse(source, out var template, out var error))
                throw new InvalidOperationException($"Email template '{fileName}' is invalid: {error}");
            parsed[(name, part)] = template;
        }

        var templates = new Dictionary<string, EmailTemplate>(StringComparer.Ordinal);
        foreach (var name in parsed.Keys.Select(k => k.Name).Where(n => n != LayoutName).Distinct())
        {
            templates[name] = new EmailTemplate(name,
                Require(parsed, name, "subject"), Require(parsed, name, "html"), Require(parsed, name, "text"));
        }
        return new(templates, Require(parsed, LayoutName, "html"), Require(parsed, LayoutName, "text"));
    }

    /// <exception cref="InvalidOperationException">No template has that name.</exception>
    internal EmailTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new InvalidOperationException(
                $"Unknown email template '{name}'. Known templates: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");

    private static (string Name, string Part) SplitFileName(string fileName)
    {
        var stem = fileName.EndsWith(Extension, StringComparison.Ordinal) ? fileName[..^Extension.Length] : "";
        var dot = stem.LastIndexOf('.');
        if (dot <= 0 || !Parts.Contains(stem[(dot + 1)..], StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"Email template file '{fileName}' must be named {{name}}.{{{string.Join('|', Parts)}}}{Extension}.");
        return (stem[..dot], stem[(dot + 1)..]);
    }

    private static IFluidTemplate Require(Dictionary<(string, string), IFluidTemplate> parsed, string name, string part) =>
        parsed.TryGetValue((name, part), out var template)
            ? template
            : throw new InvalidOperationException($"Email template '{name}' has no {part} part (expected '{name}.{part}{Extension}').");

    // Fluid reports "<reason> at (line:column)" followed by a source excerpt; people read "line 2, column 7" faster.
    private static string Describe(string fluidError)
    {
        var firstLine = fluidError.Split('\n', 2)[0].Trim();
        var match = Position().Match(firstLine);
        return match.Success
            ? $"{firstLine[..match.Index]} (line {match.Groups[1].Value}, column {match.Groups[2].Value})"
            : firstLine;
    }

    [GeneratedRegex(@" at \((\d+):(\d+)\)$")]
    private static partial Regex Position();
}
