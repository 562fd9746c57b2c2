using CartRecovery.Core.FeedHealth;

namespace CartRecovery.Core.Tests.FeedHealth;

/// <summary>
/// A Paris shop whose checkouts come in during opening hours only (Monday to Saturday, 09:00–18:00 local, three an
/// hour), judged with its learned rhythm: quiet weekends are normal, a silent Monday morning is not, and its hours stay
/// its local hours when France moves to summer time (28 March 2027).
/// </summary>
public sealed class FeedSilenceTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateTimeOffset LearnFrom = new(2027, 2, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LearnTo = new(2027, 3, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Judge_QuietFromSaturdayEveningToMondayOpening_IsFlowing()
    {
        var rhythm = Learned();

        var verdict = FeedSilence.Judge(rhythm, Local(2027, 3, 27, 17, 55), Local(2027, 3, 29, 9, 30), Paris);

        Assert.Equal(FeedState.Flowing, verdict.State);
        Assert.Equal(0.25 + 1.5, verdict.ExpectedSinceLast, 6);
    }

    [Fact]
    public void Judge_StillSilentLateOnMondayMorning_IsStale()
    {
        var verdict = FeedSilence.Judge(Learned(), Local(2027, 3, 27, 17, 55), Local(2027, 3, 29, 11, 0), Paris);

        Assert.Equal(FeedState.Stale, verdict.State);
    }

    [Fact]
    public void Judge_TwoSilentOpenHoursOnATuesday_IsStale_ButNinetyMinutesIsNot()
    {
        var rhythm = Learned();
        var last = Local(2027, 3, 30, 10, 0);

        Assert.Equal(FeedState.Flowing, FeedSilence.Judge(rhythm, last, last.AddMinutes(90), Paris).State);
        Assert.Equal(FeedState.Stale, FeedSilence.Judge(rhythm, last, last.AddHours(2), Paris).State);
    }

    [Fact]
    public void RateAt_AfterTheMoveToSummerTime_KeepsTheShopsLocalHours()
    {
        var rhythm = Learned();

        // 09:30 in Paris on the first summer-time Monday is 07:30 UTC, which was 08:30 in Paris while the rhythm was learned.
        Assert.Equal(3, rhythm.RateAt(Local(2027, 3, 29, 9, 30), Paris));
        Assert.Equal(0, rhythm.RateAt(Local(2027, 3, 29, 8, 30), Paris));
        Assert.Equal(0, rhythm.RateAt(Local(2027, 3, 28, 12, 0), Paris));
    }

    [Fact]
    public void Judge_OverTheNightThatLosesAnHour_CountsNoEventsForTheMissingHour()
    {
        var verdict = FeedSilence.Judge(Learned(), Local(2027, 3, 27, 18, 0), Local(2027, 3, 29, 8, 0), Paris);

        Assert.Equal(FeedState.Flowing, verdict.State);
        Assert.Equal(0, verdict.ExpectedSinceLast, 6);
    }

    [Fact]
    public void Judge_WithOneWeekOfHistory_IsStillLearning()
    {
        var rhythm = FeedRhythm.Learn(OpeningHours(LearnTo.AddDays(-7), LearnTo), LearnTo.AddDays(-7), LearnTo, Paris);

        var verdict = FeedSilence.Judge(rhythm, Local(2027, 3, 29, 9, 0), Local(2027, 3, 30, 18, 0), Paris);

        Assert.False(rhythm.IsKnown);
        Assert.Equal(FeedState.Learning, verdict.State);
    }

    [Fact]
    public void Judge_AFeedTooThinToLearnFrom_IsStillLearning()
    {
        var sparse = new Dictionary<DateTimeOffset, int> { [Local(2027, 3, 2, 10, 0).ToUniversalTime()] = FeedRhythm.MinEvents - 1 };

        var rhythm = FeedRhythm.Learn(sparse, LearnFrom, LearnTo, Paris);

        Assert.False(rhythm.IsKnown);
        Assert.Equal(FeedState.Learning, FeedSilence.Judge(rhythm, LearnTo, LearnTo.AddDays(3), Paris).State);
    }

    [Fact]
    public void Judge_NoEventEver_IsLearning() =>
        Assert.Equal(FeedState.Learning, FeedSilence.Judge(Learned(), null, LearnTo.AddDays(3), Paris).State);

    private static FeedRhythm Learned() => FeedRhythm.Learn(OpeningHours(LearnFrom, LearnTo), LearnFrom, LearnTo, Paris);

    private static Dictionary<DateTimeOffset, int> OpeningHours(DateTimeOffset from, DateTimeOffset to)
    {
        var counts = new Dictionary<DateTimeOffset, int>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(hour, Paris);
            if (local.DayOfWeek != DayOfWeek.Sunday && local.Hour is >= 9 and < 18)
                counts[hour] = 3;
        }
        return counts;
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Paris.GetUtcOffset(wall));
    }
}
