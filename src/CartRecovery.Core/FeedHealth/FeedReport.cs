namespace CartRecovery.Core.FeedHealth;

/// <summary>One feed of a store as judged at <see cref="CheckedAt"/>, with the figures behind the verdict.</summary>
public sealed record FeedReport(FeedSource Source, FeedState State, FeedProblem Problem, DateTimeOffset CheckedAt, DateTimeOffset? LastEventAt,
    double UsualPerHourNow, double ExpectedSinceLast, string? Detail = null)
{
    /// <summary>How long the feed has been silent (null: it never brought anything).</summary>
    public TimeSpan? SilentFor => LastEventAt is { } last && last < CheckedAt ? CheckedAt - last : LastEventAt is null ? null : TimeSpan.Zero;

    /// <summary>True when the feed needs a person: stale or broken.</summary>
    public bool IsAlarming => State is FeedState.Stale or FeedState.Broken;
}
