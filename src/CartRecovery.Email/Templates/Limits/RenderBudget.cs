using System.Diagnostics;
using Fluid;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// What one render has spent: characters written (its output and its captures) and time. Held by the render's
/// <see cref="BudgetedTemplateContext"/> so that writers, captures and filters charge the same budget.
/// </summary>
internal sealed class RenderBudget
{
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(TemplateLimits.MaxRenderTime.TotalSeconds * Stopwatch.Frequency);
    private long _written;
    private int _writes;

    /// <exception cref="InvalidOperationException">The context is not a <see cref="BudgetedTemplateContext"/>.</exception>
    public static RenderBudget Of(TemplateContext context) =>
        context is BudgetedTemplateContext budgeted
            ? budgeted.Budget
            : throw new InvalidOperationException("Templates render through TemplateRendering only.");

    /// <exception cref="TemplateLimitException">Writing <paramref name="chars"/> more would pass the output limit, or the time is up.</exception>
    public void Write(long chars)
    {
        _written += chars;
        if (_written > TemplateLimits.MaxOutputChars)
            throw new TemplateLimitException($"The template writes more than {TemplateLimits.MaxOutputChars / 1024} KiB");
        // A render writes thousands of small pieces: reading the clock at every one of them was a twentieth of a send.
        if (++_writes % 64 == 0)
            CheckTime();
    }

    /// <exception cref="TemplateLimitException">The render has run longer than <see cref="TemplateLimits.MaxRenderTime"/>.</exception>
    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new TemplateLimitException($"The template takes more than {TemplateLimits.MaxRenderTime.TotalSeconds:0} s to render");
    }
}
