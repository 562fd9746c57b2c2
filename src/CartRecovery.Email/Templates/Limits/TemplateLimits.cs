namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// What one merchant template may cost. Templates are untrusted code run for every store of a deployment, so each
/// limit is far above what a real email needs (the built-in templates use a small fraction of each) and far below
/// what would hurt the process. Checked when a part is saved and again whenever it is parsed or rendered to send.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Largest source of one part, in UTF-8 bytes; the biggest built-in part is under 4 KiB.</summary>
    public const int MaxSourceBytes = 64 * 1024;

    /// <summary>
    /// How deep blocks, brackets and ranges may nest while parsing. Fluid 2.41.1's parser overflows a 1.5 MB thread
    /// stack (a thread-pool thread) at about 400 nested <c>case</c> or 470 nested <c>if</c> tags, and a stack overflow
    /// ends the process; the built-in templates nest 4 deep.
    /// </summary>
    public const int MaxNesting = 50;

    /// <summary>
    /// How deep ranges and parentheses may nest: Fluid's parser takes exponential time on ranges whose start holds
    /// another range (<c>(a[(a[...]..2)]..2)</c>, 1 s at 16 levels, hours at 40), and no email needs even one.
    /// </summary>
    public const int MaxParenthesisNesting = 4;

    /// <summary>
    /// How deep the parsed syntax tree may be: filter chains (<c>x | f | f ...</c>) and <c>and</c>/<c>or</c> chains
    /// parse without recursion but render with one level of recursion per link.
    /// </summary>
    public const int MaxSyntaxDepth = 200;

    /// <summary>Longest a parse may take before the source is refused.</summary>
    public static readonly TimeSpan MaxParseTime = TimeSpan.FromSeconds(2);

    /// <summary>Loop iterations and assignments in one render; a 100-line cart with every loop of the built-ins takes a few hundred.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Characters one render may write, its captures included (Gmail clips a message at about 100 KB).</summary>
    public const int MaxOutputChars = 1024 * 1024;

    /// <summary>Largest value (characters of a string, items plus characters of an array) a filter may produce.</summary>
    public const int MaxValueSize = 1024 * 1024;

    /// <summary>Most items of a range (<c>(1..n)</c>); Fluid builds the whole range in memory before a loop starts.</summary>
    public const int MaxRangeItems = 10_000;

    /// <summary>Nested include/render calls (no template file is reachable, so any is refused anyway).</summary>
    public const int MaxRecursion = 10;

    /// <summary>Longest one render may take.</summary>
    public static readonly TimeSpan MaxRenderTime = TimeSpan.FromSeconds(2);
}
