using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Metrics;

/// <summary>The headline numbers in five set-based queries, sent in one round trip.</summary>
internal sealed class MetricsQuery : IMetricsQuery
{
    // Every store, or the stores asked for (one, or those the caller may see).
    private static readonly string AllStoresSql = Statements("1 = 1");
    private static readonly string SomeStoresSql = Statements("store_id IN @StoreIds");

    private static string Statements(string storeFilter) => $"""
        SELECT COUNT(CASE WHEN abandoned_at IS NOT NULL THEN 1 END) AS abandoned_carts,
               COUNT(CASE WHEN status = @Recovered THEN 1 END) AS recovered_orders,
               COUNT(CASE WHEN status = @ConvertedUnassisted THEN 1 END) AS unassisted_orders
        FROM carts
        WHERE {storeFilter};

        SELECT COUNT(CASE WHEN status = @Sent AND kind = @Email THEN 1 END) AS emails_sent,
               COUNT(CASE WHEN status = @Sent AND kind = @Sms THEN 1 END) AS texts_sent,
               COUNT(delivered_at) AS delivered,
               COUNT(opened_at) AS opened,
               COUNT(clicked_at) AS clicked
        FROM messages
        WHERE {storeFilter};

        SELECT currency, COALESCE(SUM(order_total_minor), 0) AS amount_minor
        FROM carts
        WHERE status = @Recovered AND {storeFilter}
        GROUP BY currency
        ORDER BY currency;

        SELECT step, COUNT(CASE WHEN status = @Sent THEN 1 END) AS sent, COUNT(delivered_at) AS delivered,
               COUNT(opened_at) AS opened, COUNT(clicked_at) AS clicked
        FROM messages
        WHERE {storeFilter}
        GROUP BY step
        ORDER BY step;

        SELECT recovered_by_step AS step, currency, COUNT(*) AS orders, COALESCE(SUM(order_total_minor), 0) AS amount_minor
        FROM carts
        WHERE status = @Recovered AND recovered_by_step IS NOT NULL AND {storeFilter}
        GROUP BY recovered_by_step, currency
        ORDER BY recovered_by_step, currency;
        """;

    // Carts abandoned in the period; EXISTS keeps a cart with two messages or two clicks counted once. A text counts as
    // a message like an email; a follow-up task does not (it reaches the merchant's team, not the customer).
    private const string FunnelSql = """
        SELECT COUNT(*) AS abandoned,
               COUNT(CASE WHEN EXISTS (SELECT 1 FROM messages e WHERE e.cart_id = c.id AND e.kind IN (@Email, @Sms) AND e.status = @Sent) THEN 1 END) AS messaged,
               COUNT(CASE WHEN EXISTS (SELECT 1 FROM messages t WHERE t.cart_id = c.id AND t.kind = @Sms AND t.status = @Sent) THEN 1 END) AS texted,
               COUNT(CASE WHEN EXISTS (SELECT 1 FROM messages k WHERE k.cart_id = c.id AND k.clicked_at IS NOT NULL) THEN 1 END) AS clicked,
               COUNT(CASE WHEN c.status = @Recovered THEN 1 END) AS recovered
        FROM carts c
        WHERE c.store_id IN @StoreIds AND c.abandoned_at >= @From AND c.abandoned_at < @Until
        """;

    // Integer division of the epoch milliseconds gives the quarter hour; the same on every engine.
    private const string QuarterHoursSql = """
        SELECT store_id, currency, bucket, SUM(abandoned) AS abandoned, SUM(sent) AS emails_sent, SUM(texted) AS texts_sent,
               SUM(recovered) AS recovered_orders, SUM(revenue) AS recovered_revenue_minor
        FROM (
            SELECT store_id, currency, abandoned_at / @Bucket AS bucket, 1 AS abandoned, 0 AS sent, 0 AS texted, 0 AS recovered,
                   0 AS revenue
            FROM carts WHERE store_id IN @StoreIds AND abandoned_at >= @From AND abandoned_at < @Until
            UNION ALL
            SELECT store_id, currency, converted_at / @Bucket, 0, 0, 0, 1, COALESCE(order_total_minor, 0)
            FROM carts WHERE store_id IN @StoreIds AND status = @Recovered AND converted_at >= @From AND converted_at < @Until
            UNION ALL
            SELECT m.store_id, c.currency, m.sent_at / @Bucket, 0, CASE WHEN m.kind = @Email THEN 1 ELSE 0 END,
                   CASE WHEN m.kind = @Sms THEN 1 ELSE 0 END, 0, 0
            FROM messages m JOIN carts c ON c.id = m.cart_id
            WHERE m.store_id IN @StoreIds AND m.status = @Sent AND m.kind IN (@Email, @Sms) AND m.sent_at >= @From AND m.sent_at < @Until
        ) events
        GROUP BY store_id, currency, bucket
        ORDER BY bucket, store_id, currency
        """;

    // The messages sent in the period, and the orders recovered by a step whose message was sent in the period.
    private const string StepsSql = """
        SELECT step, COUNT(CASE WHEN status = @Sent THEN 1 END) AS sent, COUNT(delivered_at) AS delivered,
               COUNT(opened_at) AS opened, COUNT(clicked_at) AS clicked
        FROM messages
        WHERE store_id IN @StoreIds AND sent_at >= @From AND sent_at < @Until
        GROUP BY step
        ORDER BY step;

        SELECT c.recovered_by_step AS step, c.currency, COUNT(*) AS orders, COALESCE(SUM(c.order_total_minor), 0) AS amount_minor
        FROM carts c
        WHERE c.store_id IN @StoreIds AND c.status = @Recovered AND c.recovered_by_step IS NOT NULL
          AND EXISTS (SELECT 1 FROM messages m WHERE m.cart_id = c.id AND m.step = c.recovered_by_step AND m.sent_at >= @From AND m.sent_at < @Until)
        GROUP BY c.recovered_by_step, c.currency
        ORDER BY c.recovered_by_step, c.currency;
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public MetricsQuery(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<RecoveryMetrics> GetAsync(IReadOnlyCollection<long>? storeIds, CancellationToken ct)
    {
        if (storeIds is { Count: 0 })
            return new RecoveryMetrics(0, 0, 0, 0, 0, 0, 0, [], []);
        await using var db = await _connections.OpenAsync(ct);
        await using var results = await db.QueryMultipleAsync(new CommandDefinition(storeIds is null ? AllStoresSql : _dialect.ListParameter(SomeStoresSql), new
        {
            StoreIds = storeIds?.ToArray(),
            Recovered = (int)CartStatus.Recovered,
            ConvertedUnassisted = (int)CartStatus.ConvertedUnassisted,
            Sent = (int)MessageStatus.Sent,
            Email = (int)StepKind.Email,
            Sms = (int)StepKind.Sms,
        }, cancellationToken: ct));

        var carts = await results.ReadSingleAsync<CartCounts>();
        var messages = await results.ReadSingleAsync<MessageCounts>();
        var revenue = (await results.ReadAsync<RevenueRow>()).Select(r => new MoneyTotal(r.Currency, r.AmountMinor)).ToList();
        var bySteps = await ReadStepsAsync(results);

        return new RecoveryMetrics(carts.AbandonedCarts, messages.EmailsSent, messages.Delivered, messages.Opened, messages.Clicked, carts.RecoveredOrders,
            carts.UnassistedOrders, revenue, bySteps) { TextsSent = messages.TextsSent };
    }

    public async Task<RecoveryFunnel> GetFunnelAsync(IReadOnlyCollection<long> storeIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storeIds);
        if (storeIds.Count == 0)
            return RecoveryFunnel.Empty;
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleAsync<FunnelRow>(new CommandDefinition(_dialect.ListParameter(FunnelSql), new
        {
            StoreIds = storeIds.ToArray(),
            From = DbTime.ToDb(from),
            Until = DbTime.ToDb(until),
            Recovered = (int)CartStatus.Recovered,
            Sent = (int)MessageStatus.Sent,
            Email = (int)StepKind.Email,
            Sms = (int)StepKind.Sms,
        }, cancellationToken: ct));
        return new RecoveryFunnel(row.Abandoned, row.Messaged, row.Clicked, row.Recovered) { Texted = row.Texted };
    }

    public async Task<IReadOnlyList<MetricsBucket>> GetQuarterHoursAsync(IReadOnlyCollection<long> storeIds, DateTimeOffset from, DateTimeOffset until,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storeIds);
        if (storeIds.Count == 0)
            return [];
        var bucket = (long)MetricsBucket.Length.TotalMilliseconds;
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<BucketRow>(new CommandDefinition(_dialect.ListParameter(QuarterHoursSql), new
        {
            StoreIds = storeIds.ToArray(),
            Bucket = bucket,
            From = DbTime.ToDb(from),
            Until = DbTime.ToDb(until),
            Recovered = (int)CartStatus.Recovered,
            Sent = (int)MessageStatus.Sent,
            Email = (int)StepKind.Email,
            Sms = (int)StepKind.Sms,
        }, cancellationToken: ct));
        return rows.Select(r => new MetricsBucket(r.StoreId, DbTime.FromDb(r.Bucket * bucket), r.Currency, r.Abandoned, r.EmailsSent, r.RecoveredOrders,
            r.RecoveredRevenueMinor) { TextsSent = r.TextsSent }).ToList();
    }

    public async Task<IReadOnlyList<StepMetrics>> GetStepsAsync(IReadOnlyCollection<long> storeIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storeIds);
        if (storeIds.Count == 0)
            return [];
        await using var db = await _connections.OpenAsync(ct);
        await using var results = await db.QueryMultipleAsync(new CommandDefinition(_dialect.ListParameter(StepsSql), new
        {
            StoreIds = storeIds.ToArray(),
            From = DbTime.ToDb(from),
            Until = DbTime.ToDb(until),
            Recovered = (int)CartStatus.Recovered,
            Sent = (int)MessageStatus.Sent,
        }, cancellationToken: ct));
        return await ReadStepsAsync(results);
    }

    private static async Task<List<StepMetrics>> ReadStepsAsync(SqlMapper.GridReader results)
    {
        var stepMessages = (await results.ReadAsync<StepMessageCounts>()).ToDictionary(s => s.Step);
        var stepOrders = (await results.ReadAsync<StepOrders>()).ToLookup(s => s.Step);

        // A step may have orders but no message rows left in scope (or the reverse); list every step either knows.
        var steps = stepMessages.Keys.Union(stepOrders.Select(g => g.Key)).Order();
        return steps.Select(step =>
        {
            var counts = stepMessages.GetValueOrDefault(step);
            var orders = stepOrders[step].ToList();
            return new StepMetrics(step, counts?.Sent ?? 0, counts?.Clicked ?? 0, orders.Sum(o => o.Orders),
                orders.Select(o => new MoneyTotal(o.Currency, o.AmountMinor)).ToList())
            {
                Delivered = counts?.Delivered ?? 0,
                Opened = counts?.Opened ?? 0,
            };
        }).ToList();
    }

    private sealed class BucketRow
    {
        public long StoreId { get; set; }
        public string Currency { get; set; } = "";
        public long Bucket { get; set; }
        public long Abandoned { get; set; }
        public long EmailsSent { get; set; }
        public long TextsSent { get; set; }
        public long RecoveredOrders { get; set; }
        public long RecoveredRevenueMinor { get; set; }
    }

    private sealed class FunnelRow
    {
        public long Abandoned { get; set; }
        public long Messaged { get; set; }
        public long Texted { get; set; }
        public long Clicked { get; set; }
        public long Recovered { get; set; }
    }

    private sealed class CartCounts
    {
        public long AbandonedCarts { get; set; }
        public long RecoveredOrders { get; set; }
        public long UnassistedOrders { get; set; }
    }

    private sealed class MessageCounts
    {
        public long EmailsSent { get; set; }
        public long TextsSent { get; set; }
        public long Delivered { get; set; }
        public long Opened { get; set; }
        public long Clicked { get; set; }
    }

    private sealed class RevenueRow
    {
        public string Currency { get; set; } = "";
        public long AmountMinor { get; set; }
    }

    /// <summary>Per step, <see cref="Sent"/> counts every kind: a task step is "sent" when its task was created.</summary>
    private sealed class StepMessageCounts
    {
        public int Step { get; set; }
        public long Sent { get; set; }
        public long Delivered { get; set; }
        public long Opened { get; set; }
        public long Clicked { get; set; }
    }

    private sealed class StepOrders
    {
        public int Step { get; set; }
        public string Currency { get; set; } = "";
        public long Orders { get; set; }
        public long AmountMinor { get; set; }
    }
}
