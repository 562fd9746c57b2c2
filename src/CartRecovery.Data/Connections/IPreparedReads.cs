namespace CartRecovery.Data.Connections;

/// <summary>
/// A connection factory that keeps a hot path's read compiled across calls. SQLite compiles (prepares) every command
/// anew, and a compiled statement lives only as long as the connection object that ran it stays open, so the SQLite
/// factory keeps a few connections open with their statements compiled (<see cref="SqlitePreparedReads"/>). The server
/// engines compile on the server and do without.
/// </summary>
internal interface IPreparedReads
{
    /// <summary>The first row of <paramref name="sql"/>, whose one parameter is <c>@Id</c>, as a <typeparamref name="T"/>; null when there is none.</summary>
    Task<T?> QueryByIdAsync<T>(string sql, long id, CancellationToken ct) where T : class;
}
