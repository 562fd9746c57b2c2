using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Fluid;
using Fluid.Ast;
using Parlot;
using Parlot.Fluent;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// Fluid's parser with its recursion bounded. Every cycle of Fluid's grammar passes through one of two deferred
/// parsers: <c>Primary</c> (a value, which may hold brackets, ranges or parentheses holding values) and
/// <c>AnyTagsList</c> (the body of a block tag). Both are wrapped so that the parse stops with a positioned error at
/// <see cref="TemplateLimits.MaxNesting"/> levels, long before the stack could overflow. Counting inside the real
/// parser, rather than in a scanner of our own before it, cannot disagree with how Fluid reads quotes, raw blocks,
/// comments or the lenient <c>else</c> and <c>when</c> tags (which end at the first <c>%}</c> even inside a quote).
/// </summary>
internal sealed class GuardedFluidParser : FluidParser
{
    // Parsing is synchronous, so the state of the parse running on this thread lives here.
    [ThreadStatic] private static ParseState? t_state;

    public GuardedFluidParser()
    {
        Primary.Parser = new Guard<Expression>(Primary.Parser ?? throw new InvalidOperationException("Fluid's grammar has no Primary parser."), isValue: true);
        AnyTagsList.Parser = new Guard<IReadOnlyList<Statement>>(AnyTagsList.Parser ?? throw new InvalidOperationException("Fluid's grammar has no AnyTagsList parser."), isValue: false);
    }

    /// <summary>
    /// Parses <paramref name="source"/>; on failure <paramref name="error"/> is Fluid's message with its position and
    /// <paramref name="exceedsLimit"/> says whether a <see cref="TemplateLimits"/> limit (not the syntax) refused it.
    /// </summary>
    public bool TryParseLimited(string source, [NotNullWhen(true)] out IFluidTemplate? template, [NotNullWhen(false)] out string? error, out bool exceedsLimit)
    {
        var state = new ParseState(Stopwatch.GetTimestamp() + (long)(TemplateLimits.MaxParseTime.TotalSeconds * Stopwatch.Frequency));
        t_state = state;
        try
        {
            if (this.TryParse(source, out var parsed, out var message))
            {
                template = parsed;
                error = null;
                exceedsLimit = false;
                return true;
            }
            template = null;
            error = message ?? "The template could not be parsed";
            exceedsLimit = state.LimitHit;
            return false;
        }
        finally
        {
            t_state = null;
        }
    }

    private sealed class ParseState(long deadline)
    {
        public long Deadline { get; } = deadline;
        public int Depth { get; set; }
        public int Parentheses { get; set; }
        public bool LimitHit { get; set; }

        public Parlot.ParseException Refuse(ParseContext context, string reason)
        {
            LimitHit = true;
            return new Parlot.ParseException(reason, context.Scanner.Cursor.Position);
        }
    }

    private sealed class Guard<T>(Parser<T> inner, bool isValue) : Parser<T>
    {
        public override bool Parse(ParseContext context, ref ParseResult<T> result)
        {
            // Only a parse started by TryParseLimited is guarded (the state is per call); any other is refused
            // rather than run unbounded.
            var state = t_state ?? throw new InvalidOperationException("Templates are parsed through TryParseLimited only.");
            var opensParenthesis = isValue && NextNonSpace(context) == '(';
            if (++state.Depth > TemplateLimits.MaxNesting)
                throw state.Refuse(context, $"Tags and brackets nest more than {TemplateLimits.MaxNesting} levels deep");
            if (opensParenthesis && ++state.Parentheses > TemplateLimits.MaxParenthesisNesting)
                throw state.Refuse(context, $"Ranges and parentheses nest more than {TemplateLimits.MaxParenthesisNesting} levels deep");
            if (Stopwatch.GetTimestamp() > state.Deadline)
                throw state.Refuse(context, $"The template takes more than {TemplateLimits.MaxParseTime.TotalSeconds:0} s to parse");
            try
            {
                return inner.Parse(context, ref result);
            }
            finally
            {
                state.Depth--;
                if (opensParenthesis)
                    state.Parentheses--;
            }
        }

        private static char NextNonSpace(ParseContext context)
        {
            foreach (var c in context.Scanner.Cursor.Span)
            {
                if (!char.IsWhiteSpace(c))
                    return c;
            }
            return '\0';
        }
    }
}
