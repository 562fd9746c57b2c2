using System.Globalization;

namespace CartRecovery.Core.Sms;

/// <summary>
/// A country's public holidays, when commercial texts are not sent. Calendars are data: a fixed day ("07-14") or a
/// number of days after Easter Sunday ("Easter+39"), so a new country is one line.
/// </summary>
public sealed class PublicHolidays
{
    // France: Code du travail, art. L3133-1 (the 26 December and Good Friday of Alsace-Moselle are regional, not here).
    private static readonly Dictionary<string, string[]> Calendars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FR"] = ["01-01", "Easter+1", "05-01", "05-08", "Easter+39", "Easter+50", "07-14", "08-15", "11-01", "11-11", "12-25"],
    };

    /// <summary>A calendar without holidays, for countries we have no data for.</summary>
    public static readonly PublicHolidays None = new([]);

    private readonly string[] _rules;

    private PublicHolidays(string[] rules) => _rules = rules;

    /// <summary>The calendar of <paramref name="country"/> (ISO 3166-1 alpha-2), or <see cref="None"/>.</summary>
    public static PublicHolidays For(string? country) =>
        country is not null && Calendars.TryGetValue(country, out var rules) ? new PublicHolidays(rules) : None;

    /// <summary>Whether a calendar exists for <paramref name="country"/>.</summary>
    public static bool Knows(string? country) => country is not null && Calendars.ContainsKey(country);

    public bool IsHoliday(DateOnly date) => _rules.Any(rule => Resolve(rule, date.Year) == date);

    /// <summary>The holidays of <paramref name="year"/>, in calendar order.</summary>
    public IReadOnlyList<DateOnly> In(int year) => [.. _rules.Select(rule => Resolve(rule, year)).Order()];

    private static DateOnly Resolve(string rule, int year) =>
        rule.StartsWith("Easter+", StringComparison.Ordinal)
            ? EasterSunday(year).AddDays(int.Parse(rule["Easter+".Length..], CultureInfo.InvariantCulture))
            : DateOnly.ParseExact($"{year:D4}-{rule}", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
