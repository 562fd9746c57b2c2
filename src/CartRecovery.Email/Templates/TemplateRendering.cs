using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CartRecovery.Email.Templates.Limits;
using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>The one way templates are rendered, shared by sending, previewing and validating so they cannot disagree.</summary>
internal static class TemplateRendering
{
    // Configured once and only read afterwards, which is how Fluid wants options shared across threads.
    public static readonly TemplateOptions Options = CreateOptions();

    /// <summary>
    /// Escapes markup (&lt; &gt; &amp; quotes) but leaves letters alone: the default encoder would turn every "é" and
    /// "€" of a French email into an entity, which bloats the HTML towards Gmail's clipping size for no safety gain
    /// (the part is sent as UTF-8).
    /// </summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Renders within the <see cref="TemplateLimits"/> of steps, output, value sizes and time.</summary>
    /// <exception cref="TemplateLimitException">The template breaks a limit with these values.</exception>
    /// <exception cref="FluidException">The template uses an unknown filter or fails at runtime.</exception>
    /// <exception cref="InvalidOperationException">The template fails at runtime.</exception>
    public static async ValueTask<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, object?> values, TextEncoder encoder, CultureInfo culture)
    {
        var context = Context(values, culture);
        using var writer = new BudgetedWriter(context.Budget);
        try
        {
            await template.RenderAsync(writer, encoder, context);
        }
        catch (InvalidOperationException error) when (context.StepsExhausted && error is not TemplateLimitException)
        {
            throw StepsExhausted();
        }
        return writer.ToString();
    }

    /// <summary>Synchronous rendering, for validation: no filter we register is asynchronous.</summary>
    /// <exception cref="TemplateLimitException">The template breaks a limit with these values.</exception>
    public static string Render(IFluidTemplate template, IReadOnlyDictionary<string, object?> values, TextEncoder encoder, CultureInfo culture) =>
        RenderAsync(template, values, encoder, culture).AsTask().GetAwaiter().GetResult();

    private static TemplateLimitException StepsExhausted() =>
        new($"The template runs more than {TemplateLimits.MaxSteps:N0} loop iterations and assignments");

    private static BudgetedTemplateContext Context(IReadOnlyDictionary<string, object?> values, CultureInfo culture)
    {
        var context = new BudgetedTemplateContext(Options) { CultureInfo = culture };
        foreach (var (name, value) in values)
            context.SetValue(name, value);
        return context;
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            // Fluid otherwise prints the input of an unknown filter unchanged, so "{{ total | monye }}" would pass unnoticed.
            StrictFilters = true,
            // Ranges are bounded apart (BoundedRangeExpression), so steps bound the loops over them and the assignments.
            MaxSteps = TemplateLimits.MaxSteps,
            MaxRecursion = TemplateLimits.MaxRecursion,
            // Liquid's "now" and "date" would otherwise follow the server's zone; store times are converted explicitly.
            TimeZone = TimeZoneInfo.Utc,
        };
        GuardedFilters.Wrap(options.Filters);
        return options;
    }
}
