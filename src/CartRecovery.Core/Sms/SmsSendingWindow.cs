using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Sms;

/// <summary>
/// When commercial texts may go out, on the customer's wall clock: Monday to Saturday from <see cref="Opens"/> to
/// <see cref="Closes"/>, never on Sundays or public holidays. The default is French practice (CNIL guidance and the
/// operators' charter: 08:00–20:00); a store may narrow the hours, never widen them (<see cref="Problem"/>).
/// Recovery texts are commercial, so they always follow it.
/// </summary>
public sealed record SmsSendingWindow(TimeOnly Opens, TimeOnly Closes)
{
    public static readonly TimeOnly EarliestOpening = new(8, 0);
    public static readonly TimeOnly LatestClosing = new(20, 0);

    /// <summary>The widest window allowed, and the default.</summary>
    public static readonly SmsSendingWindow Default = new(EarliestOpening, LatestClosing);

    /// <summary>Why this window cannot be saved, or null when it lies within 08:00–20:00 and opens before it closes.</summary>
    public string? Problem =>
        Opens < EarliestOpening ? "texts may not go out before 08:00"
        : Closes > LatestClosing ? "texts may not go out after 20:00"
        : Opens >= Closes ? "the window must open before it closes"
        : null;

    /// <summary>
    /// <paramref name="now"/> when the clock of <paramref name="zone"/> shows an open day (not a Sunday, not a holiday of
    /// <paramref name="holidays"/>) within the hours, else the next opening. Daylight saving time is handled on the clock
    /// the customer sees: "08:00" is 07:00 UTC in winter and 06:00 UTC in summer in Paris.
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone, PublicHolidays holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(holidays);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // A year always holds an open day within a week or so; 40 days covers any calendar with clustered holidays.
        for (var i = 0; i < 40; i++, day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Sunday || holidays.IsHoliday(day))
                continue;
            var opens = QuietHours.FirstInstantAtOrAfter(day.ToDateTime(Opens), zone);
            var closes = QuietHours.FirstInstantAtOrAfter(day.ToDateTime(Closes), zone);
            if (now < opens)
                return opens;
            if (now < closes)
                return now;
        }
        throw new InvalidOperationException("The holiday calendar leaves no day open for texts within 40 days.");
    }
}
