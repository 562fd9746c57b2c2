namespace CartRecovery.Core.Stores;

/// <summary>
/// A daily window of local wall-clock time, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), when
/// no recovery email goes out. A window whose end is before its start crosses midnight (22:00–08:00).
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether the local time of day <paramref name="local"/> falls inside the window.</summary>
    public bool Contains(TimeOnly local) =>
        Start <= End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary>
    /// <paramref name="now"/> when the wall clock of <paramref name="zone"/> is outside the window, else the first
    /// instant the clock reaches <see cref="End"/>. Daylight saving time is handled on the clock the customer sees:
    /// an end that does not exist that day (spring forward) opens the window when the clock jumps past it; an end
    /// that happens twice (fall back) opens it the first time.
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var timeOfDay = TimeOnly.FromDateTime(local);
        if (Start == End || !Contains(timeOfDay))
            return now;

        // Inside a window crossing midnight, before midnight: it ends tomorrow.
        var endDate = Start > End && timeOfDay >= Start ? local.Date.AddDays(1) : local.Date;
        var next = FirstInstantAtOrAfter(endDate + End.ToTimeSpan(), zone);
        return next > now ? next : now;
    }

    /// <summary>The first instant at which the wall clock of <paramref name="zone"/> shows <paramref name="local"/> or later.</summary>
    internal static DateTimeOffset FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The first pass through an ambiguous hour is the one with the larger (summer) offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        if (!zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

        // The clock skips this time: find the jump. UTC offsets lie within ±14 hours, so 15 hours either side brackets
        // it, and around a spring-forward the wall clock only moves forward: a binary search over whole seconds finds
        // the first instant showing a later time (transitions fall on whole seconds).
        var unspecifiedAsUtc = new DateTimeOffset(local, TimeSpan.Zero).ToUnixTimeSeconds();
        long low = unspecifiedAsUtc - 15 * 3600, high = unspecifiedAsUtc + 15 * 3600;
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(middle), zone).DateTime >= local)
                high = middle;
            else
                low = middle;
        }
        return DateTimeOffset.FromUnixTimeSeconds(high);
    }
}
