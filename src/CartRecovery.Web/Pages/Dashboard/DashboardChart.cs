using System.Globalization;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary>One bar of the revenue chart, in the SVG's own units.</summary>
public sealed record ChartBar(DateOnly Day, long AmountMinor, double X, double Y, double Width, double Height);

/// <summary>
/// The geometry of the server-rendered revenue chart: one bar per day, scaled to the best day. Numbers are written with
/// the invariant culture (SVG attributes are not French).
/// </summary>
public static class DashboardChart
{
    public const double Width = 720;
    public const double Height = 180;
    public const double Top = 10;

    public static IReadOnlyList<ChartBar> Bars(IReadOnlyList<DashboardDay> days, string currency)
    {
        ArgumentNullException.ThrowIfNull(days);
        var max = Math.Max(1, days.Select(d => d.RevenueIn(currency)).DefaultIfEmpty(0).Max());
        var slot = Width / Math.Max(1, days.Count);
        var gap = Math.Min(2, slot / 4);
        return days.Select((d, i) =>
        {
            var amount = d.RevenueIn(currency);
            // A day without revenue keeps a hairline, so the axis reads as days and not as a gap.
            var height = amount == 0 ? 1 : Math.Max(2, (Height - Top) * amount / max);
            return new ChartBar(d.Day, amount, i * slot + gap / 2, Height - height, slot - gap, height);
        }).ToList();
    }

    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A funnel bar's length for <paramref name="count"/> out of <paramref name="of"/> (the abandoned carts).</summary>
    public static string FunnelWidth(long count, long of) => Svg(of == 0 ? 0 : 100.0 * count / of);
}
