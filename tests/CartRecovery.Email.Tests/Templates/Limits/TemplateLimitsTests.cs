using System.Diagnostics;
using System.Text;
using CartRecovery.Email.Localization;
using CartRecovery.Email.Templates;
using CartRecovery.Email.Templates.Limits;

namespace CartRecovery.Email.Tests.Templates.Limits;

/// <summary>
/// The issue's reproductions and their neighbours: each must be refused with a reason, quickly, by a process that
/// lives on (a stack overflow or an OutOfMemoryException here would end the test run).
/// </summary>
public sealed class TemplateLimitsTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    // Compact spellings, so that thousands of levels fit within the size limit and reach the parser.
    public static TheoryData<string, string> DeepSources() => new()
    {
        { "2,000 nested if tags", Nest("{%if 1%}", "x", "{%endif%}", 2000) },
        { "600 nested case tags", Nest("{%case 1%}{%when 1%}", "x", "{%endcase%}", 600) },
        { "2,000 nested for loops", Nest("{%for i in a%}", "x", "{%endfor%}", 2000) },
        { "2,000 nested captures", Nest("{%capture c%}", "x", "{%endcapture%}", 2000) },
        { "3,000 nested indexes", "{{ " + Nest("a[", "1", "]", 3000) + " }}" },
        { "3,000 nested parentheses", "{{ " + Nest("(", "1", ")", 3000) + " }}" },
        { "2,000 nested ifs after a raw-looking string", "{{ \"{% raw %}\" }}" + Nest("{%if 1%}", "x", "{%endif%}", 2000) },
    };

    [Fact]
    public void Validate_TheIssuesThreeThousandNestedIfs_IsRefusedAndTheProcessLivesOn()
    {
        var result = Timed(() => TemplateValidator.Validate(Nest("{% if true %}", "x", "{% endif %}", 3000)));

        Assert.False(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(DeepSources))]
    public void Validate_WhenTagsOrBracketsNestFarTooDeep_RefusesItWithItsPositionBeforeTheParserRecursesFurther(string what, string source)
    {
        var result = Timed(() => TemplateValidator.Validate(source));

        Assert.False(result.IsValid, what);
        Assert.True(result.Error?.Contains("nest more than", StringComparison.Ordinal) == true, result.Error);
        Assert.NotNull(result.Line);
        Assert.NotNull(result.Column);
    }

    [Fact]
    public void Validate_WhenRangesNestInTheirStart_RefusesItInsteadOfParsingForHours()
    {
        // Fluid's parser takes exponential time on this shape: about 1 s at 16 levels, far longer at 30.
        var source = "{{ " + Nest("(a[", "1", "]..2)", 30) + " }}";

        var result = Timed(() => TemplateValidator.Validate(source));

        Assert.False(result.IsValid);
        Assert.True(result.Error?.Contains("parentheses nest", StringComparison.Ordinal) == true, result.Error);
    }

    [Theory]
    [InlineData("filters", "{{ 'a' REPEAT }}", "|upcase")]
    [InlineData("conditions", "{% if 0 REPEAT %}y{% endif %}", "or 1 ")]
    public void Validate_WhenAChainIsThousandsOfLinksLong_RefusesItBeforeRenderingRecursesThroughIt(string what, string shape, string link)
    {
        var source = shape.Replace("REPEAT", string.Concat(Enumerable.Repeat(link, 8000)), StringComparison.Ordinal);

        var result = Timed(() => TemplateValidator.Validate(source));

        Assert.False(result.IsValid, what);
        Assert.True(result.Error?.Contains($"{TemplateLimits.MaxSyntaxDepth} levels", StringComparison.Ordinal) == true, result.Error);
    }

    [Fact]
    public void Validate_WhenTheSourceIsLargerThanTheLimit_RefusesItWithoutParsing()
    {
        var result = TemplateValidator.Validate(new string('x', TemplateLimits.MaxSourceBytes + 1));

        Assert.False(result.IsValid);
        Assert.True(result.Error?.Contains("64 KiB", StringComparison.Ordinal) == true, result.Error);
    }

    [Fact]
    public void Validate_WhenAHugeRangeIsLooped_RefusesItFastWithoutBuildingIt()
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = Timed(() => TemplateValidator.Validate("{% for i in (1..100000000) %}{{ i }}{% endfor %}"));

        Assert.False(result.IsValid);
        Assert.True(result.Error?.Contains("more than 10000 items", StringComparison.Ordinal) == true, result.Error);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 200_000_000, "the range must not be built");
    }

    [Fact]
    public void Validate_WhenAStringIsDoubledWithAppend25Times_RefusesItWithoutRunningOutOfMemory()
    {
        var source = "{% assign s = 'ab' %}" + string.Concat(Enumerable.Repeat("{% assign s = s | append: s %}", 25)) + "{{ s | size }}";

        var result = Timed(() => TemplateValidator.Validate(source));

        Assert.False(result.IsValid);
        Assert.True(result.Error?.Contains("'append' filter", StringComparison.Ordinal) == true, result.Error);
    }

    [Theory]
    [InlineData("capture doubling", "{% assign s = 'abcdefgh' %}REPEAT{{ s }}", "{% capture s %}{{ s }}{{ s }}{% endcapture %}", "writes more than", 25)]
    [InlineData("output in a loop", "{% assign s = 'abcdefghijklmnopqrstuvwxyz' %}{% for i in (1..10000) %}{% for j in (1..10) %}{{ s }}{% endfor %}{% endfor %}", "", "writes more than")]
    [InlineData("replace blow-up", "{% assign s = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' %}{% assign t = s | append: s | append: s | append: s %}REPEAT{{ s | size }}", "{% assign s = s | replace: 'a', t %}", "'replace' filter")]
    [InlineData("date padding", "{{ 'now' | date: '%999999999n' }}", "", "'date' filter")]
    [InlineData("number precision", "{{ 1 | format_number: 'N999999999' }}", "", "'format_number' filter")]
    [InlineData("format alignment", "{{ '{0,999999999}' | format_string: 'x' }}", "", "'format_string' filter")]
    [InlineData("join blow-up", "{% assign a = 'a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z' | split: ',' %}{% assign s = 'abcdefghijklmnopqrstuvwxyz' %}REPEAT{{ a | join: s | size }}", "{% assign s = s | append: s %}", "'join' filter", 14)]
    [InlineData("nested loops", "{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}", "", "loop iterations")]
    public void Validate_WhenRenderingWouldGrowWithoutBound_RefusesItFast(string what, string shape, string repeated, string reason, int times = 16)
    {
        var source = shape.Replace("REPEAT", string.Concat(Enumerable.Repeat(repeated, times)), StringComparison.Ordinal);

        var result = Timed(() => TemplateValidator.Validate(source));

        Assert.False(result.IsValid, what);
        Assert.True(result.Error?.Contains(reason, StringComparison.Ordinal) == true, result.Error);
    }

    [Fact]
    public void Render_AtTheLimitsOfNestingAndChaining_FitsEasilyOnASmallStack()
    {
        // The deepest template the limits let through, rendered on a 256 KB stack (a thread-pool thread has 1.5 MB).
        var inner = "{{ 'x' " + string.Concat(Enumerable.Repeat("| upcase ", 100)) + "}}";
        var source = Nest("{% if true %}", inner, "{% endif %}", TemplateLimits.MaxNesting - 2);
        string? rendered = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Assert.True(TemplateCatalog.TryParse(source, out var template, out var error), error);
                rendered = TemplateRendering.Render(template, new Dictionary<string, object?>(), TemplateRendering.Html, EmailLanguage.Culture(EmailLanguage.Default));
            }
            catch (Exception error)
            {
                failure = error;
            }
        }, maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal("X", rendered);
    }

    [Fact]
    public void TryParse_OfEveryShippedTemplate_StaysFarWithinEveryLimit()
    {
        foreach (var resource in typeof(TemplateCatalog).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(TemplateCatalog.Extension, StringComparison.Ordinal)))
        {
            using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(resource)!;
            var source = new StreamReader(stream).ReadToEnd();
            // A merchant who copies a built-in template keeps five times its size to grow into.
            Assert.True(Encoding.UTF8.GetByteCount(source) < TemplateLimits.MaxSourceBytes / 6, resource);
            Assert.True(TemplateCatalog.TryParse(source, out _, out var error), $"{resource}: {error}");
        }
    }

    private static string Nest(string open, string inner, string close, int levels) =>
        string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels));

    private static T Timed<T>(Func<T> act)
    {
        var watch = Stopwatch.StartNew();
        var result = act();
        Assert.True(watch.Elapsed < Fast, $"took {watch.Elapsed}");
        return result;
    }
}
