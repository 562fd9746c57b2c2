using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Metrics;

/// <summary>
/// Rolls a UTC day up into <c>daily_store_metrics</c>: one set-based INSERT ... SELECT over the day's events, after
/// deleting the day's rows in the same transaction, so re-running a day replaces it.
/// </summary>
internal sealed class MetricsRollup : IMetricsRollup
{
    private const string DeleteDaySql = "DELETE FROM daily_store_metrics WHERE day_start = @DayStart";

    private const string InsertDaySql = """
        INSERT INTO daily_store_metrics (store_id, day_start, currency, carts_abandoned, emails_sent, texts_sent, emails_delivered,
                                         emails_opened, emails_clicked, recovered_orders, recovered_revenue_minor, rolled_up_at)
        SELECT store_id, @DayStart, currency, SUM(abandoned), SUM(sent), SUM(texted), SUM(delivered), SUM(opened), SUM(clicked),
               SUM(recovered), SUM(revenue), @Now
        FROM (
            SELECT store_id, currency, 1 AS abandoned, 0 AS sent, 0 AS texted, 0 AS delivered, 0 AS opened, 0 AS clicked,
                   0 AS recovered, 0 AS revenue
            FROM carts WHERE abandoned_at >= @Start AND abandoned_at < @End
            UNION ALL
            SELECT store_id, currency, 0, 0, 0, 0, 0, 0, 1, COALESCE(order_total_minor, 0)
            FROM carts WHERE status = @Recovered AND converted_at >= @Start AND converted_at < @End
            UNION ALL
            SELECT m.store_id, c.currency, 0,
                   CASE WHEN m.status = @Sent AND m.kind = @Email AND m.sent_at >= @Start AND m.sent_at < @End THEN 1 ELSE 0 END,
                   CASE WHEN m.status = @Sent AND m.kind = @Sms AND m.sent_at >= @Start AND m.sent_at < @End THEN 1 ELSE 0 END,
                   CASE WHEN m.delivered_at >= @Start AND m.delivered_at < @End THEN 1 ELSE 0 END,
                   CASE WHEN m.opened_at >= @Start AND m.opened_at < @End THEN 1 ELSE 0 END,
                   CASE WHEN m.clicked_at >= @Start AND m.clicked_at < @End THEN 1 ELSE 0 END,
                   0, 0
            FROM messages m JOIN carts c ON c.id = m.cart_id
            WHERE (m.sent_at >= @Start AND m.sent_at < @End) OR (m.delivered_at >= @Start AND m.delivered_at < @End)
               OR (m.opened_at >= @Start AND m.opened_at < @End) OR (m.clicked_at >= @Start AND m.clicked_at < @End)
        ) events
        GROUP BY store_id, currency
        """;

    private const string ListSql = """
        SELECT store_id, day_start, currency, carts_abandoned, emails_sent, texts_sent, emails_delivered, emails_opened, emails_clicked,
               recovered_orders, recovered_revenue_minor
        FROM daily_store_metrics
        WHERE (@StoreId IS NULL OR store_id = @StoreId) AND day_start >= @From AND day_start <= @To
        ORDER BY day_start, store_id, currency
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public MetricsRollup(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<int> RollUpDayAsync(DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        var start = DayStart(day);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        await db.ExecuteAsync(new CommandDefinition(DeleteDaySql, new { DayStart = start }, tx, cancellationToken: ct));
        var rows = await db.ExecuteAsync(new CommandDefinition(InsertDaySql, new
        {
            DayStart = start,
            Start = start,
            End = DayStart(day.AddDays(1)),
            Now = DbTime.ToDb(now),
            Recovered = (int)CartStatus.Recovered,
            Sent = (int)MessageStatus.Sent,
            Email = (int)StepKind.Email,
            Sms = (int)StepKind.Sms,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return rows;
    }

    public Task<DateTimeOffset?> LastRolledUpAtAsync(CancellationToken ct) =>
        InstantAsync("SELECT MAX(rolled_up_at) FROM daily_store_metrics", ct);

    public Task<DateTimeOffset?> OldestCartAsync(CancellationToken ct) => InstantAsync("SELECT MIN(created_at) FROM carts", ct);

    private async Task<DateTimeOffset?> InstantAsync(string sql, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return DbTime.FromDb(await db.ExecuteScalarAsync<long?>(new CommandDefinition(sql, cancellationToken: ct)));
    }

    public async Task<IReadOnlyList<DailyStoreMetrics>> ListAsync(long? storeId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(ListSql, new { StoreId = storeId, From = DayStart(first), To = DayStart(last) },
            cancellationToken: ct));
        return rows.Select(r => new DailyStoreMetrics(r.StoreId, DateOnly.FromDateTime(DbTime.FromDb(r.DayStart).UtcDateTime), r.Currency,
            r.CartsAbandoned, r.EmailsSent, r.EmailsDelivered, r.EmailsOpened, r.EmailsClicked, r.RecoveredOrders, r.RecoveredRevenueMinor) { TextsSent = r.TextsSent }).ToList();
    }

    private static long DayStart(DateOnly day) => DbTime.ToDb(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private sealed class Row
    {
        public long StoreId { get; set; }
        public long DayStart { get; set; }
        public string Currency { get; set; } = "";
        public long CartsAbandoned { get; set; }
        public long EmailsSent { get; set; }
        public long TextsSent { get; set; }
        public long EmailsDelivered { get; set; }
        public long EmailsOpened { get; set; }
        public long EmailsClicked { get; set; }
        public long RecoveredOrders { get; set; }
        public long RecoveredRevenueMinor { get; set; }
    }
}
