using System.Globalization;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// How every page writes an instant: on the shop's clock, day before month, the month's name in the page's language
/// ("4 Dec 2026, 14:05", "4 déc. 2026, 14:05"), so an English page never reads as a US date ("12/4/2026 2:05 PM").
/// </summary>
internal static class PageDates
{
    public static string When(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture);
    }

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
