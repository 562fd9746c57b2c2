namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// A store feed's open alarm: raised when the feed became stale or broken, <see cref="NotifiedAt"/> once the account's
/// owners were emailed (null: not yet). It exists until the feed recovers.
/// </summary>
public sealed record FeedAlarm(long StoreId, FeedSource Source, FeedState State, FeedProblem Problem, DateTimeOffset RaisedAt, DateTimeOffset? NotifiedAt);
