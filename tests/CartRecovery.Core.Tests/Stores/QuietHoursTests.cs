using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Tests.Stores;

/// <summary>
/// Quiet hours on the customer's wall clock, across the 2026 daylight saving changes: Europe/Paris springs forward on
/// 29 March (02:00 → 03:00 at 01:00 UTC) and falls back on 25 October (03:00 → 02:00 at 01:00 UTC); America/New_York
/// springs forward on 8 March (02:00 → 03:00 at 07:00 UTC) and falls back on 1 November (02:00 → 01:00 at 06:00 UTC).
/// </summary>
public sealed class QuietHoursTests
{
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Paris, spring forward: 23:00 CET on the 28th waits for 08:00 CEST (06:00 UTC, not 07:00).
    [InlineData("Europe/Paris", 3, 28, 22, 3, 29, 6)]
    // Paris, fall back: 22:00 CEST on the 24th waits for 08:00 CET (07:00 UTC, not 06:00).
    [InlineData("Europe/Paris", 10, 24, 20, 10, 25, 7)]
    // New York, spring forward: 22:00 EST on the 7th waits for 08:00 EDT (12:00 UTC).
    [InlineData("America/New_York", 3, 8, 3, 3, 8, 12)]
    // New York, fall back: 22:00 EDT on 31 October waits for 08:00 EST (13:00 UTC).
    [InlineData("America/New_York", 11, 1, 2, 11, 1, 13)]
    public void NextAllowed_OvernightAcrossADstChange_IsTheLocalEndOnTheNewOffset(string zone, int month, int day, int hour,
        int openMonth, int openDay, int openHour)
    {
        Assert.Equal(Utc(openMonth, openDay, openHour), Night.NextAllowed(Utc(month, day, hour), Zone(zone)));
    }

    [Fact]
    public void NextAllowed_InsideTheRepeatedHourOfAFallBack_StillWaitsForTheLocalEnd()
    {
        // 01:30 UTC on 25 October is 02:30 CET, the second time the Paris clock shows 02:30.
        Assert.Equal(Utc(10, 25, 7), Night.NextAllowed(Utc(10, 25, 1, 30), Zone("Europe/Paris")));
    }

    [Fact]
    public void NextAllowed_WhenTheEndDoesNotExistThatDay_OpensWhenTheClockJumpsPastIt()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30));

        // 02:30 is skipped in Paris on 29 March; the clock jumps from 02:00 CET to 03:00 CEST at 01:00 UTC.
        Assert.Equal(Utc(3, 29, 1), quiet.NextAllowed(Utc(3, 28, 22), Zone("Europe/Paris")));
        // Same in New York on 8 March at 07:00 UTC.
        Assert.Equal(Utc(3, 8, 7), quiet.NextAllowed(Utc(3, 8, 4), Zone("America/New_York")));
    }

    [Fact]
    public void NextAllowed_WhenTheEndHappensTwiceThatDay_OpensTheFirstTime()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30));
        // Paris shows 02:30 at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
        Assert.Equal(Utc(10, 25, 0, 30), quiet.NextAllowed(Utc(10, 24, 21), Zone("Europe/Paris")));

        var early = new QuietHours(new TimeOnly(0, 0), new TimeOnly(1, 30));
        // New York shows 01:30 at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
        Assert.Equal(Utc(11, 1, 5, 30), early.NextAllowed(Utc(11, 1, 4, 15), Zone("America/New_York")));
    }

    [Fact]
    public void NextAllowed_WhenTheStartIsSkipped_TheWindowStillHoldsAfterTheJump()
    {
        var quiet = new QuietHours(new TimeOnly(2, 15), new TimeOnly(6, 0));

        // 01:00 UTC on 29 March is 03:00 CEST in Paris: inside 02:15-06:00 although 02:15 never showed.
        Assert.Equal(Utc(3, 29, 4), quiet.NextAllowed(Utc(3, 29, 1), Zone("Europe/Paris")));
        // Just before the jump (01:59 CET) is outside.
        Assert.Equal(Utc(3, 29, 0, 59), quiet.NextAllowed(Utc(3, 29, 0, 59), Zone("Europe/Paris")));
    }

    [Theory]
    [InlineData(20, 59, true)]
    [InlineData(21, 0, false)]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(12, 0, true)]
    public void NextAllowed_OutsideTheWindow_IsNow_AndTheEndIsOutside(int localHour, int localMinute, bool allowedNow)
    {
        // UTC has no DST: local time is UTC time.
        var now = new DateTimeOffset(2026, 6, 10, localHour, localMinute, 0, TimeSpan.Zero);

        Assert.Equal(allowedNow, Night.NextAllowed(now, TimeZoneInfo.Utc) == now);
    }

    [Fact]
    public void NextAllowed_ForADaytimeWindow_WaitsForItsEndTheSameDay()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));

        // Paris is UTC+2 in June: 10:00 UTC is 12:00 there.
        Assert.Equal(Utc(6, 10, 12), lunch.NextAllowed(Utc(6, 10, 10), Zone("Europe/Paris")));
        Assert.Equal(Utc(6, 10, 12), lunch.NextAllowed(Utc(6, 10, 11, 59), Zone("Europe/Paris")));
        Assert.Equal(Utc(6, 10, 9, 59), lunch.NextAllowed(Utc(6, 10, 9, 59), Zone("Europe/Paris")));
    }

    [Fact]
    public void Contains_CrossesMidnight_WhenTheEndIsBeforeTheStart()
    {
        Assert.True(Night.Contains(new TimeOnly(23, 30)));
        Assert.True(Night.Contains(new TimeOnly(0, 0)));
        Assert.False(Night.Contains(new TimeOnly(8, 0)));
        Assert.False(new QuietHours(new TimeOnly(9, 0), new TimeOnly(9, 0)).Contains(new TimeOnly(9, 0)));
    }
}
