namespace CartRecovery.Core.FeedHealth;

/// <summary>The verdict on one feed's silence, with the figures that explain it.</summary>
public sealed record FeedVerdict(FeedState State, DateTimeOffset? LastEventAt, double ExpectedSinceLast, double UsualPerHourNow);
