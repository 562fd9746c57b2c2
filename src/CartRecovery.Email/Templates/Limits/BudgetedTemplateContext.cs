using Fluid;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>The context of one render, with its <see cref="RenderBudget"/>.</summary>
internal sealed class BudgetedTemplateContext(TemplateOptions options) : TemplateContext(options)
{
    public RenderBudget Budget { get; } = new();

    /// <summary>
    /// Whether <see cref="TemplateContext.IncrementSteps"/> stopped the render: Fluid 2.41.1 throws a plain
    /// InvalidOperationException for it (with the message about include recursion), so the count tells.
    /// </summary>
    public bool StepsExhausted => MaxSteps > 0 && _steps > MaxSteps;
}
