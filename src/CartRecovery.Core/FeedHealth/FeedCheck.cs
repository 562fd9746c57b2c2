namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// Judges one feed of a store from its recorded history. The rhythm is learned from the <see cref="History"/> before the
/// feed's last event (whole UTC hours, never before the store existed) in the store's time zone, so the silence being
/// judged never dilutes the rhythm it is judged against; then its silence since that event is judged.
/// </summary>
public static class FeedCheck
{
    /// <summary>How far back the rhythm is learned: four weeks, so each hour of the week is seen four times.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(28);

    /// <summary>
    /// The whole UTC hours to learn from: the four weeks up to the hour of <paramref name="lastEventAt"/> (its partial hour
    /// left out), or up to <paramref name="now"/> for a feed that never brought anything, and not before the store was created.
    /// </summary>
    public static (DateTimeOffset Since, DateTimeOffset Until) LearningSpan(DateTimeOffset now, DateTimeOffset? lastEventAt, DateTimeOffset storeCreatedAt)
    {
        var end = lastEventAt is { } last && last < now ? last : now;
        var until = WholeHour(end.ToUniversalTime());
        var since = until - History;
        var created = storeCreatedAt.ToUniversalTime();
        if (created > since)
        {
            // A store younger than the history: its first partial hour would look like a quiet one.
            var first = WholeHour(created);
            since = first == created ? first : first.AddHours(1);
        }
        return (since < until ? since : until, until);
    }

    public static FeedReport Judge(FeedSource source, IReadOnlyDictionary<DateTimeOffset, int> eventsPerUtcHour, DateTimeOffset since,
        DateTimeOffset until, DateTimeOffset? lastEventAt, DateTimeOffset now, TimeZoneInfo zone)
    {
        var rhythm = FeedRhythm.Learn(eventsPerUtcHour, since, until, zone);
        var verdict = FeedSilence.Judge(rhythm, lastEventAt, now, zone);
        return new FeedReport(source, verdict.State, FeedProblem.None, now, verdict.LastEventAt, verdict.UsualPerHourNow, verdict.ExpectedSinceLast);
    }

    private static DateTimeOffset WholeHour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
}
