namespace CartRecovery.Core.FeedHealth;

/// <summary>The open alarms of stores' feeds, kept in the database so that a restart or another node never repeats an email.</summary>
public interface IFeedAlarmRepository
{
    Task<IReadOnlyList<FeedAlarm>> ListAsync(long storeId, CancellationToken ct);

    /// <summary>Opens the alarm; false (nothing changed) when the feed already has one open.</summary>
    Task<bool> RaiseAsync(FeedAlarm alarm, CancellationToken ct);

    /// <summary>Records what the open alarm now stands for (stale became broken, another problem); false when none is open.</summary>
    Task<bool> ChangeAsync(long storeId, FeedSource source, FeedState state, FeedProblem problem, CancellationToken ct);

    /// <summary>Records that the owners were told; false when the alarm is no longer open.</summary>
    Task<bool> MarkNotifiedAsync(long storeId, FeedSource source, DateTimeOffset at, CancellationToken ct);

    /// <summary>Closes the alarm; false when none was open (another run closed it first).</summary>
    Task<bool> ClearAsync(long storeId, FeedSource source, CancellationToken ct);
}
