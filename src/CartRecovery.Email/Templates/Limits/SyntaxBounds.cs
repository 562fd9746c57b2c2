using Fluid;
using Fluid.Ast;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// What is checked and changed on a parsed template before it may render: the depth of its syntax tree (chains of
/// filters or conditions recurse when rendered, one level per link), and ranges and captures replaced by bounded
/// ones (<see cref="BoundedRangeExpression"/>, <see cref="BoundedCaptureStatement"/>).
/// </summary>
internal static class SyntaxBounds
{
    /// <exception cref="TemplateLimitException">The syntax tree is deeper than <see cref="TemplateLimits.MaxSyntaxDepth"/>.</exception>
    public static IFluidTemplate Apply(IFluidTemplate template)
    {
        var depth = new DepthMeter();
        depth.VisitTemplate(template);
        if (depth.TooDeep)
        {
            throw new TemplateLimitException(
                $"Filters, conditions and tags chain or nest more than {TemplateLimits.MaxSyntaxDepth} levels deep");
        }
        return new Rewriter().VisitTemplate(template);
    }

    // Stops descending past the limit, so measuring a chain thousands of links long cannot itself overflow.
    private sealed class DepthMeter : AstVisitor
    {
        private int _depth;

        public bool TooDeep { get; private set; }

        public override Statement Visit(Statement statement)
        {
            if (!Enter())
                return statement;
            try
            {
                return base.Visit(statement);
            }
            finally
            {
                _depth--;
            }
        }

        public override Expression Visit(Expression expression)
        {
            if (!Enter())
                return expression;
            try
            {
                return base.Visit(expression);
            }
            finally
            {
                _depth--;
            }
        }

        private bool Enter()
        {
            if (_depth >= TemplateLimits.MaxSyntaxDepth)
            {
                TooDeep = true;
                return false;
            }
            _depth++;
            return true;
        }
    }

    private sealed class Rewriter : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            var range = (RangeExpression)base.VisitRangeExpression(rangeExpression);
            return new BoundedRangeExpression(range.From, range.To);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            var capture = (CaptureStatement)base.VisitCaptureStatement(captureStatement);
            return new BoundedCaptureStatement(capture.Identifier, capture.Statements);
        }
    }
}
