using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// <c>{% capture %}</c> writing into a <see cref="BudgetedWriter"/>: Fluid's own capture writes into a private buffer
/// that no output limit sees, so <c>{% capture s %}{{ s }}{{ s }}{% endcapture %}</c> repeated could fill the memory.
/// </summary>
internal sealed class BoundedCaptureStatement(string identifier, IReadOnlyList<Statement> statements) : Statement
{
    public string Identifier { get; } = identifier;

    public IReadOnlyList<Statement> Statements { get; } = statements;

    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var captured = new BudgetedWriter(RenderBudget.Of(context));
        var completion = Completion.Normal;
        foreach (var statement in Statements)
        {
            completion = await statement.WriteToAsync(captured, encoder, context);
            if (completion != Completion.Normal)
                break;
        }
        FluidValue result = new StringValue(captured.ToString(), false);
        if (context.Captured is { } callback)
            result = await callback(Identifier, result, context);
        context.SetValue(Identifier, result);
        return completion;
    }

    protected override Statement Accept(AstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        foreach (var statement in Statements)
            visitor.Visit(statement);
        return this;
    }
}
