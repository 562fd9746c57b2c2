namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// How many events a store's feed (webhooks, polling, capture) usually brings in each hour of the week, in the store's
/// own time zone: learned from hourly counts of recent weeks, so a shop that sleeps at night and on Sundays is not
/// alarming when it is quiet then, and a shop's evening stays its evening across a change of daylight saving time.
/// </summary>
public sealed class FeedRhythm
{
    /// <summary>Weeks of history needed before the rhythm is trusted.</summary>
    public const int MinWeeks = 2;

    /// <summary>Events needed in that history: below it the feed is too thin for a silence to mean anything.</summary>
    public const int MinEvents = 20;

    private const int HoursOfWeek = 7 * 24;
    private readonly double[] _perHour;

    private FeedRhythm(double[] perHour, bool isKnown, long events, double weeks)
    {
        _perHour = perHour;
        IsKnown = isKnown;
        Events = events;
        Weeks = weeks;
    }

    /// <summary>False while the history is shorter than <see cref="MinWeeks"/> or thinner than <see cref="MinEvents"/>.</summary>
    public bool IsKnown { get; }

    public long Events { get; }

    public double Weeks { get; }

    /// <summary>
    /// Learns from the events counted per UTC hour over <c>[from, to)</c> (hours without an entry had none);
    /// <paramref name="from"/> and <paramref name="to"/> are whole UTC hours.
    /// </summary>
    public static FeedRhythm Learn(IReadOnlyDictionary<DateTimeOffset, int> eventsPerUtcHour, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(eventsPerUtcHour);
        ArgumentNullException.ThrowIfNull(zone);
        var events = new double[HoursOfWeek];
        var exposure = new double[HoursOfWeek];
        long total = 0;
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            var bucket = Bucket(hour.AddMinutes(30), zone);
            exposure[bucket]++;
            if (eventsPerUtcHour.TryGetValue(hour, out var count))
            {
                events[bucket] += count;
                total += count;
            }
        }
        var perHour = new double[HoursOfWeek];
        for (var i = 0; i < HoursOfWeek; i++)
            perHour[i] = exposure[i] == 0 ? 0 : events[i] / exposure[i];
        var weeks = (to - from).TotalDays / 7;
        return new(perHour, weeks >= MinWeeks && total >= MinEvents, total, weeks);
    }

    /// <summary>The usual events per hour at <paramref name="at"/> (the store's local hour of the week).</summary>
    public double RateAt(DateTimeOffset at, TimeZoneInfo zone) => _perHour[Bucket(at, zone)];

    /// <summary>
    /// The number of events the feed would usually have brought between <paramref name="from"/> and <paramref name="to"/>:
    /// each hour's usual rate times the part of that hour inside the span.
    /// </summary>
    public double ExpectedBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var expected = 0.0;
        var start = from.ToUniversalTime();
        while (start < to)
        {
            var hourStart = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
            var end = hourStart.AddHours(1) < to ? hourStart.AddHours(1) : to.ToUniversalTime();
            expected += RateAt(start + (end - start) / 2, zone) * (end - start).TotalHours;
            start = end;
        }
        return expected;
    }

    private static int Bucket(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return (int)local.DayOfWeek * 24 + local.Hour;
    }
}
