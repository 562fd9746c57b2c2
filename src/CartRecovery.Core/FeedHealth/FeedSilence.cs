namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// Decides whether a feed's silence is abnormal: stale when, since its last event, it would usually have brought
/// <see cref="StaleAfterExpected"/> events (six usual gaps of its busy hours) and brought none. Hours the shop is
/// usually quiet (nights, Sundays) add nothing, so a weekend does not raise an alarm while a dead Monday morning does.
/// With a Poisson feed the chance of six expected events all missing is e⁻⁶ ≈ 0.25 %: about one false alarm a year
/// for a feed checked each hour of its open days.
/// </summary>
public static class FeedSilence
{
    public const double StaleAfterExpected = 6;

    public static FeedVerdict Judge(FeedRhythm rhythm, DateTimeOffset? lastEventAt, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rhythm);
        ArgumentNullException.ThrowIfNull(zone);
        var usualNow = rhythm.RateAt(now, zone);
        if (!rhythm.IsKnown || lastEventAt is not { } last)
            return new(FeedState.Learning, lastEventAt, 0, usualNow);
        var expected = last < now ? rhythm.ExpectedBetween(last, now, zone) : 0;
        return new(expected >= StaleAfterExpected ? FeedState.Stale : FeedState.Flowing, last, expected, usualNow);
    }
}
