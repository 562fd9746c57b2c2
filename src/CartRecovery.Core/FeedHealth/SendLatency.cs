namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// How late a store's messages went out in <c>[Since, Until)</c>: the median and 99th percentile of each sent message's
/// lateness (sent time minus due time, never below zero), nearest-rank; null when nothing was sent.
/// </summary>
public sealed record SendLatency(DateTimeOffset Since, DateTimeOffset Until, long Sent, TimeSpan? P50, TimeSpan? P99)
{
    /// <summary>The span the health API and page report: the last day.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>The 0-based position of percentile <paramref name="p"/> (0 &lt; p ≤ 1) among <paramref name="count"/> sorted values.</summary>
    public static long NearestRank(double p, long count) => Math.Max(0, (long)Math.Ceiling(p * count) - 1);
}
