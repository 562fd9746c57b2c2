using CartRecovery.Core.FeedHealth;

namespace CartRecovery.Core.Tests.FeedHealth;

/// <summary>
/// The span a feed's rhythm is learned from: the four weeks before its last event (so the silence being judged never
/// dilutes the rhythm it is judged against), in whole UTC hours, never before the store existed.
/// </summary>
public sealed class FeedCheckTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 29, 10, 20, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LearningSpan_EndsAtTheWholeHourOfTheLastEvent()
    {
        var (since, until) = FeedCheck.LearningSpan(Now, new DateTimeOffset(2027, 3, 27, 16, 45, 0, TimeSpan.Zero), LongAgo);

        Assert.Equal(new DateTimeOffset(2027, 3, 27, 16, 0, 0, TimeSpan.Zero), until);
        Assert.Equal(until - FeedCheck.History, since);
    }

    [Fact]
    public void LearningSpan_OfAFeedThatNeverBroughtAnything_EndsNow()
    {
        var (_, until) = FeedCheck.LearningSpan(Now, null, LongAgo);

        Assert.Equal(new DateTimeOffset(2027, 3, 29, 10, 0, 0, TimeSpan.Zero), until);
    }

    [Fact]
    public void LearningSpan_OfAYoungStore_StartsAtItsFirstWholeHour()
    {
        var (since, _) = FeedCheck.LearningSpan(Now, Now.AddMinutes(-5), new DateTimeOffset(2027, 3, 20, 8, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero), since);
    }

    [Fact]
    public void Judge_TenSilentHoursOfAFeedThatNeverSleeps_IsStale()
    {
        // Two events an hour, every hour, for four weeks, then nothing for ten hours.
        var last = new DateTimeOffset(2027, 3, 29, 0, 0, 0, TimeSpan.Zero);
        var hours = new Dictionary<DateTimeOffset, int>();
        for (var h = last - FeedCheck.History; h < last; h = h.AddHours(1))
            hours[h] = 2;
        var now = last.AddHours(10);
        var (since, until) = FeedCheck.LearningSpan(now, last, LongAgo);

        var report = FeedCheck.Judge(FeedSource.Webhooks, hours, since, until, last, now, TimeZoneInfo.Utc);

        Assert.Equal(FeedState.Stale, report.State);
        Assert.Equal(20, report.ExpectedSinceLast, 6);
        Assert.Equal(TimeSpan.FromHours(10), report.SilentFor);
    }
}
