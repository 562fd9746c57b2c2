using System.Globalization;
using Fluid;
using Fluid.Values;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// Wraps every filter so that no value can grow past <see cref="TemplateLimits.MaxValueSize"/>: the result of each
/// call is measured, and the few filters whose result can be far larger than their input and arguments together
/// (<c>replace</c>, <c>join</c>, <c>format_string</c>, and the date and number formats, whose widths are numbers in the
/// format) are refused before they run when their largest possible result is too big. Doubling a string with
/// <c>append</c> 25 times thus stops at about a million characters instead of running out of memory.
/// </summary>
internal static class GuardedFilters
{
    public static void Wrap(FilterCollection filters)
    {
        foreach (var (name, filter) in filters.ToList())
            filters.AddFilter(name, Guard(name, filter));
    }

    /// <summary>How large a value counts: characters of a string; items plus their sizes for an array.</summary>
    public static double Size(FluidValue value, int depth = 0) => value switch
    {
        StringValue text => text.ToStringValue().Length,
        ArrayValue array when depth < 3 => array.Values.Sum(item => 1 + Size(item, depth + 1)),
        ArrayValue array => array.Values.Count,
        _ => 16,
    };

    private static FilterDelegate Guard(string name, FilterDelegate filter) => async (input, arguments, context) =>
    {
        RenderBudget.Of(context).CheckTime();
        if (LargestResult(name, input, arguments) > TemplateLimits.MaxValueSize)
            throw TooLarge(name);
        var result = await filter(input, arguments, context);
        if (Size(result) > TemplateLimits.MaxValueSize)
            throw TooLarge(name);
        return result;
    };

    // Zero when the result is at most a few times the input and arguments, which the check of the result covers.
    private static double LargestResult(string name, FluidValue input, FilterArguments arguments)
    {
        double Argument(int index) => arguments.Count > index ? Size(arguments.At(index)) : 0;
        string Text(int index) => arguments.Count > index ? arguments.At(index).ToStringValue() : "";
        return name switch
        {
            // Every position of the input may be replaced, even with an empty pattern.
            "replace" => Size(input) + (Size(input) + 1) * Argument(1),
            "join" => Size(input) + (input is ArrayValue array ? array.Values.Count : 1) * Math.Max(1, Argument(0)),
            // "{0,1000000}" pads; every character of the format could print an argument.
            "format_string" => (Size(input) + Widths(input.ToStringValue())) * (1 + arguments.Values.Sum(a => Size(a))),
            // "%999999999n", "N999999999": widths and precisions are numbers in the format.
            "date" or "format_date" or "format_number" => Size(input) + 64 * Text(0).Length + Widths(Text(0)),
            _ => 0,
        };
    }

    private static double Widths(string format)
    {
        double total = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (!char.IsAsciiDigit(format[i]))
                continue;
            var start = i;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
                i++;
            total += double.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture);
        }
        return total;
    }

    private static TemplateLimitException TooLarge(string filter) =>
        new($"The '{filter}' filter would make a value larger than {TemplateLimits.MaxValueSize / 1024} Ki characters");
}
