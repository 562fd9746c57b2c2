namespace CartRecovery.Core.Storage;

/// <summary>
/// Marks the writes of the current async flow as ones that can be redone: while a scope is open, the database may
/// report a commit before it reaches the disk (SQLite <c>synchronous=NORMAL</c> in WAL mode, PostgreSQL
/// <c>synchronous_commit=off</c>). Both engines keep their log in commit order, so the next ordinary (durable) commit
/// makes every relaxed commit before it durable too, and a power cut can only lose a tail of the most recent ones.
/// </summary>
/// <remarks>
/// Use it only where that tail can be redone and nothing outside the database has acted on it yet: the webhook
/// processor handles each delivery relaxed, then marks the whole batch processed in one durable commit; a crash in
/// between leaves those deliveries pending, and their handlers are idempotent. An application crash loses nothing
/// (the log is written; only its flush to disk is deferred).
/// </remarks>
public static class RelaxedDurability
{
    private static readonly AsyncLocal<bool> Relaxed = new();

    /// <summary>True while the current flow is inside <see cref="Begin"/>.</summary>
    public static bool IsOn => Relaxed.Value;

    /// <summary>Connections opened until the returned scope is disposed commit without waiting for the disk.</summary>
    public static Scope Begin()
    {
        var outer = Relaxed.Value;
        Relaxed.Value = true;
        return new Scope(outer);
    }

    public readonly struct Scope(bool outer) : IDisposable
    {
        public void Dispose() => Relaxed.Value = outer;
    }
}
