using CartRecovery.Core.FeedHealth;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.FeedHealth;

/// <summary>
/// A store's send lateness over a span, computed in the database: a count, then each percentile's row by its rank
/// (ordered and paged, which every engine does through the dialect), so a busy store's day is never loaded whole. Served
/// by the (store_id, sent_at) index of messages.
/// </summary>
internal sealed class SendLatencyQuery(IDbConnectionFactory connections, SqlDialect dialect) : ISendLatencyQuery
{
    private const string Where = "WHERE store_id = @StoreId AND sent_at >= @Since AND sent_at < @Until";

    private const string CountSql = $"SELECT COUNT(*) FROM messages {Where}";

    private const string LatenessSql = $"SELECT sent_at - due_at AS lateness FROM messages {Where} ORDER BY sent_at - due_at";

    public async Task<SendLatency> GetAsync(long storeId, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var span = new { StoreId = storeId, Since = DbTime.ToDb(since), Until = DbTime.ToDb(until) };
        await using var db = await connections.OpenAsync(ct);
        var sent = await db.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, span, cancellationToken: ct));
        if (sent == 0)
            return new SendLatency(since, until, 0, null, null);
        async Task<TimeSpan> AtAsync(double p)
        {
            var ms = await db.ExecuteScalarAsync<long>(new CommandDefinition(dialect.Page(LatenessSql),
                new { span.StoreId, span.Since, span.Until, Take = 1, Skip = SendLatency.NearestRank(p, sent) }, cancellationToken: ct));
            // A message sent a little before its due time (clock skew between nodes) was not early for the customer.
            return DbTime.FromDbMs(Math.Max(0, ms));
        }
        return new SendLatency(since, until, sent, await AtAsync(0.50), await AtAsync(0.99));
    }
}
