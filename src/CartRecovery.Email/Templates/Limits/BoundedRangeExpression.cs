using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// A range (<c>(from..to)</c>) that refuses more than <see cref="TemplateLimits.MaxRangeItems"/> items before building
/// any: Fluid's own range allocates every item first, so <c>(1..100000000)</c> took gigabytes before the first step
/// of its loop could be counted.
/// </summary>
internal sealed class BoundedRangeExpression(Expression from, Expression to) : Expression
{
    public Expression From { get; } = from;

    public Expression To { get; } = to;

    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var start = (long)Math.Truncate((await From.EvaluateAsync(context)).ToNumberValue());
        var end = (long)Math.Truncate((await To.EvaluateAsync(context)).ToNumberValue());
        var count = Math.Max(0, end - start + 1);
        if (count > TemplateLimits.MaxRangeItems)
            throw new TemplateLimitException($"The range ({start}..{end}) has more than {TemplateLimits.MaxRangeItems} items");
        var items = new FluidValue[count];
        for (var i = 0; i < count; i++)
            items[i] = NumberValue.Create(start + i);
        return new ArrayValue(items);
    }

    protected override Expression Accept(AstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.Visit(From);
        visitor.Visit(To);
        return this;
    }
}
