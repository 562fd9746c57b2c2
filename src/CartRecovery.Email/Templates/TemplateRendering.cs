using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>The one way templates are rendered, shared by sending, previewing and validating so they cannot disagree.</summary>
internal static class TemplateRendering
{
    // Configured once and only read afterwards, which is how Fluid wants options shared across threads.
    public static readonly TemplateOptions Options = new()
    {
        // Fluid otherwise prints the input of an unknown filter unchanged, so "{{ total | monye }}" would pass unnoticed.
        StrictFilters = true,
        // Liquid has no unbounded loops, but "{% for i in (1..100000000) %}" in a merchant's template comes close.
        // A real cart needs a few thousand steps.
        MaxSteps = 1_000_000,
        // Liquid's "now" and "date" would otherwise follow the server's zone; store times are converted explicitly.
        TimeZone = TimeZoneInfo.Utc,
    };

    /// <summary>
    /// Escapes markup (&lt; &gt; &amp; quotes) but leaves letters alone: the default encoder would turn every "é" and
    /// "€" of a French email into an entity, which bloats the HTML towards Gmail's clipping size for no safety gain
    /// (the part is sent as UTF-8).
    /// </summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <exception cref="FluidException">The template uses an unknown filter or fails at runtime.</exception>
    /// <exception cref="InvalidOperationException">The template exceeds <see cref="TemplateOptions.MaxSteps"/> or nests too deep.</exception>
    public static ValueTask<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, object?> values, TextEncoder encoder, CultureInfo culture) =>
        template.RenderAsync(Context(values, culture), encoder);

    /// <summary>Synchronous rendering, for validation: no filter we register is asynchronous.</summary>
    public static string Render(IFluidTemplate template, IReadOnlyDictionary<string, object?> values, TextEncoder encoder, CultureInfo culture) =>
        template.Render(Context(values, culture), encoder);

    private static TemplateContext Context(IReadOnlyDictionary<string, object?> values, CultureInfo culture)
    {
        var context = new TemplateContext(Options) { CultureInfo = culture };
        foreach (var (name, value) in values)
            context.SetValue(name, value);
        return context;
    }
}
