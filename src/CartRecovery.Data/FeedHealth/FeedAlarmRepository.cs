using System.Data.Common;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.FeedHealth;

/// <summary>One row per open alarm of a store feed, keyed by (store, source): the key makes raising it twice a no-op.</summary>
internal sealed class FeedAlarmRepository(IDbConnectionFactory connections, SqlDialect dialect) : IFeedAlarmRepository
{
    private const string ListSql = """
        SELECT store_id AS StoreId, source AS Source, state AS State, problem AS Problem, raised_at AS RaisedAt, notified_at AS NotifiedAt
        FROM feed_alarms WHERE store_id = @StoreId ORDER BY source
        """;

    private const string RaiseSql = """
        INSERT INTO feed_alarms (store_id, source, state, problem, raised_at, notified_at)
        VALUES (@StoreId, @Source, @State, @Problem, @RaisedAt, @NotifiedAt)
        """;

    private const string ChangeSql = "UPDATE feed_alarms SET state = @State, problem = @Problem WHERE store_id = @StoreId AND source = @Source";

    private const string NotifiedSql = "UPDATE feed_alarms SET notified_at = @At WHERE store_id = @StoreId AND source = @Source";

    private const string ClearSql = "DELETE FROM feed_alarms WHERE store_id = @StoreId AND source = @Source";

    public async Task<IReadOnlyList<FeedAlarm>> ListAsync(long storeId, CancellationToken ct)
    {
        DapperSetup.Ensure();
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(ListSql, new { StoreId = storeId }, cancellationToken: ct));
        return [.. rows.Select(r => new FeedAlarm(r.StoreId, (FeedSource)r.Source, (FeedState)r.State, (FeedProblem)r.Problem,
            DbTime.FromDb(r.RaisedAt), DbTime.FromDb(r.NotifiedAt)))];
    }

    public async Task<bool> RaiseAsync(FeedAlarm alarm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        await using var db = await connections.OpenAsync(ct);
        try
        {
            await db.ExecuteAsync(new CommandDefinition(RaiseSql, new
            {
                alarm.StoreId, Source = (long)alarm.Source, State = (long)alarm.State, Problem = (long)alarm.Problem,
                RaisedAt = DbTime.ToDb(alarm.RaisedAt), NotifiedAt = DbTime.ToDb(alarm.NotifiedAt),
            }, cancellationToken: ct));
            return true;
        }
        catch (DbException error) when (dialect.IsUniqueViolation(error))
        {
            return false;
        }
    }

    public async Task<bool> ChangeAsync(long storeId, FeedSource source, FeedState state, FeedProblem problem, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(ChangeSql,
            new { StoreId = storeId, Source = (long)source, State = (long)state, Problem = (long)problem }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> MarkNotifiedAsync(long storeId, FeedSource source, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(NotifiedSql,
            new { StoreId = storeId, Source = (long)source, At = DbTime.ToDb(at) }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> ClearAsync(long storeId, FeedSource source, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(ClearSql, new { StoreId = storeId, Source = (long)source }, cancellationToken: ct)) > 0;
    }

    private sealed class Row
    {
        public long StoreId { get; init; }
        public long Source { get; init; }
        public long State { get; init; }
        public long Problem { get; init; }
        public long RaisedAt { get; init; }
        public long? NotifiedAt { get; init; }
    }
}
