using System.Reflection;
using CartRecovery.Email.Templates;
using Fluid;

namespace CartRecovery.Sms.Templates;

/// <summary>
/// The built-in SMS templates, one Liquid file per name and language: <c>{name}.liquid</c> is English, which every
/// translation (<c>{name}.fr.liquid</c>) falls back to. Parsed once, with the email templates' parser and limits.
/// </summary>
public sealed class SmsTemplateCatalog
{
    private const string ResourcePrefix = "CartRecovery.Sms.Templates.";
    private readonly Dictionary<(string Name, string Language), IFluidTemplate> _templates;

    private SmsTemplateCatalog(Dictionary<(string, string), IFluidTemplate> templates)
    {
        _templates = templates;
        Names = templates.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyCollection<string> Names { get; }

    /// <exception cref="InvalidOperationException">A built-in template does not parse (a build that must not start).</exception>
    public static SmsTemplateCatalog FromEmbeddedResources()
    {
        var assembly = typeof(SmsTemplateCatalog).Assembly;
        var templates = new Dictionary<(string, string), IFluidTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var stem = resource[ResourcePrefix.Length..^TemplateCatalog.Extension.Length];
            var dot = stem.IndexOf('.', StringComparison.Ordinal);
            var key = dot < 0 ? (stem, "en") : (stem[..dot], stem[(dot + 1)..]);
            if (!TemplateCatalog.TryParse(Read(assembly, resource), out var template, out var error))
                throw new InvalidOperationException($"SMS template '{stem}' is invalid: {error}");
            templates[key] = template;
        }
        return new(templates);
    }

    internal bool Has(string name, string language) => _templates.ContainsKey((name, language));

    /// <exception cref="InvalidOperationException">No template has that name.</exception>
    internal IFluidTemplate Get(string name, string language) =>
        _templates.TryGetValue((name, language), out var translated) ? translated
        : _templates.TryGetValue((name, "en"), out var original) ? original
        : throw new InvalidOperationException($"Unknown SMS template '{name}'. Known templates: {string.Join(", ", Names)}.");

    /// <summary>The source of a built-in text in <paramref name="language"/> (else English), or null when there is none.</summary>
    public static string? BuiltInSource(string name, string language)
    {
        ArgumentNullException.ThrowIfNull(name);
        var assembly = typeof(SmsTemplateCatalog).Assembly;
        var resources = assembly.GetManifestResourceNames();
        foreach (var stem in new[] { $"{name}.{language}", name })
        {
            var resource = $"{ResourcePrefix}{stem}{TemplateCatalog.Extension}";
            if (resources.Contains(resource, StringComparer.Ordinal))
                return Read(assembly, resource);
        }
        return null;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
