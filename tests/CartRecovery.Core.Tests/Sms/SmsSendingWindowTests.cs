using CartRecovery.Core.Sms;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Core.Tests.Sms;

/// <summary>
/// French hours for commercial texts on the Paris clock across the 2026 daylight saving changes: Paris springs forward on
/// Sunday 29 March (CET +1 → CEST +2) and falls back on Sunday 25 October. Easter Sunday 2026 is 5 April.
/// </summary>
public sealed class SmsSendingWindowTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly PublicHolidays France = PublicHolidays.For("FR");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Saturday 28 March 20:30 CET: Sunday is closed and the clocks change; Monday 08:00 CEST is 06:00 UTC, not 07:00.
    [InlineData(3, 28, 19, 30, 3, 30, 6, 0)]
    // Saturday 24 October 21:00 CEST: Monday 08:00 CET is 07:00 UTC, not 06:00.
    [InlineData(10, 24, 19, 0, 10, 26, 7, 0)]
    // Saturday 4 April 20:00 CEST (closing time itself): Easter Sunday, then Easter Monday, then Tuesday 08:00.
    [InlineData(4, 4, 18, 0, 4, 7, 6, 0)]
    // Thursday 30 April 22:00 CEST: 1 May is a holiday (a Friday), Saturday 2 May opens at 08:00.
    [InlineData(4, 30, 20, 0, 5, 2, 6, 0)]
    // Wednesday 13 May 23:00: Ascension Thursday 14 May, so Friday 15 May 08:00.
    [InlineData(5, 13, 21, 0, 5, 15, 6, 0)]
    // Monday 9 February 07:59 CET: the same day at 08:00 CET (07:00 UTC).
    [InlineData(2, 9, 6, 59, 2, 9, 7, 0)]
    // Sunday 8 March noon: Monday 08:00 CET.
    [InlineData(3, 8, 11, 0, 3, 9, 7, 0)]
    public void NextAllowed_OutsideTheWindow_IsTheNextOpeningOnTheParisClock(int month, int day, int hour, int minute,
        int openMonth, int openDay, int openHour, int openMinute)
    {
        var opening = SmsSendingWindow.Default.NextAllowed(Utc(month, day, hour, minute), Paris, France);

        Assert.Equal(Utc(openMonth, openDay, openHour, openMinute), opening);
    }

    [Theory]
    [InlineData(3, 28, 18, 59)]  // Saturday 19:59 CET
    [InlineData(3, 30, 6, 0)]    // Monday 08:00 CEST, the first minute after the change
    [InlineData(10, 26, 18, 59)] // Monday 19:59 CET
    [InlineData(4, 7, 12, 0)]    // Tuesday after Easter Monday
    public void NextAllowed_InsideTheWindow_IsNow(int month, int day, int hour, int minute)
    {
        var now = Utc(month, day, hour, minute);

        Assert.Equal(now, SmsSendingWindow.Default.NextAllowed(now, Paris, France));
    }

    [Fact]
    public void NextAllowed_FollowingTheFakeClockAcrossTheSpringChange_OpensOnlyOnMondayMorning()
    {
        var time = new FakeTimeProvider(Utc(3, 28, 19, 0));   // Saturday 20:00 CET: just closed
        var window = new SmsSendingWindow(new TimeOnly(9, 30), new TimeOnly(19, 0));

        var opening = window.NextAllowed(time.GetUtcNow(), Paris, France);
        time.Advance(opening - time.GetUtcNow() - TimeSpan.FromMinutes(1));

        Assert.NotEqual(time.GetUtcNow(), window.NextAllowed(time.GetUtcNow(), Paris, France));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(time.GetUtcNow(), window.NextAllowed(time.GetUtcNow(), Paris, France));
        Assert.Equal(Utc(3, 30, 7, 30), time.GetUtcNow());   // 09:30 CEST
    }

    [Fact]
    public void NextAllowed_WithoutAHolidayCalendar_StillSkipsSundays()
    {
        // Sunday 5 April and Monday 6 April (Easter Monday in France only).
        Assert.Equal(Utc(4, 6, 6, 0), SmsSendingWindow.Default.NextAllowed(Utc(4, 5, 10, 0), Paris, PublicHolidays.None));
    }

    [Theory]
    [InlineData(8, 0, 20, 0, null)]
    [InlineData(10, 0, 18, 30, null)]
    [InlineData(7, 59, 20, 0, "texts may not go out before 08:00")]
    [InlineData(8, 0, 20, 1, "texts may not go out after 20:00")]
    [InlineData(12, 0, 12, 0, "the window must open before it closes")]
    [InlineData(19, 0, 9, 0, "the window must open before it closes")]
    public void Problem_StoreWindow_MustLieWithinFrenchHours(int openHour, int openMinute, int closeHour, int closeMinute, string? problem)
    {
        var window = new SmsSendingWindow(new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute));

        Assert.Equal(problem, window.Problem);
    }
}
