using System.Data.Common;

namespace CartRecovery.Data.Connections;

/// <summary>
/// A kind of <see cref="GroupCommit"/> write whose instances queued for the same transaction run together: one call
/// with all of their items, so the statement is compiled (SQLite) or sent (the server engines) once for the lot.
/// </summary>
internal interface IBatchedWrite<TItem, TResult>
{
    /// <summary>Writes <paramref name="items"/> inside <paramref name="transaction"/>; one result per item, in order.</summary>
    Task<IReadOnlyList<TResult>> RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<TItem> items);
}
