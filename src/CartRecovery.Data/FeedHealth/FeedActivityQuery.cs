using CartRecovery.Core.FeedHealth;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Data.FeedHealth;

/// <summary>
/// A store's feeds counted per UTC hour from what is stored: webhook deliveries by <c>received_at</c>, carts by
/// <c>created_at</c> (when we first heard of them), split by the capture prefix of their external id. Each read is
/// bounded by the span asked for (four weeks at most from the feed check) and served by a (store, time) index.
/// </summary>
internal sealed class FeedActivityQuery : IFeedActivity
{
    private const long HourMs = 3_600_000;

    // Integer division by the hour's milliseconds is the same on every engine (all three keep the BIGINT).
    private const string WebhookHoursSql = """
        SELECT received_at / 3600000 AS Hour, COUNT(*) AS Events
        FROM webhook_deliveries WHERE store_id = @StoreId AND received_at >= @From AND received_at < @To
        GROUP BY received_at / 3600000
        """;

    private const string WebhookLastSql = "SELECT MAX(received_at) FROM webhook_deliveries WHERE store_id = @StoreId";

    private const string CheckoutHoursSql = """
        SELECT created_at / 3600000 AS Hour, COUNT(*) AS Events
        FROM carts WHERE store_id = @StoreId AND created_at >= @From AND created_at < @To AND external_id NOT LIKE 'capture:%'
        GROUP BY created_at / 3600000
        """;

    private const string CheckoutLastSql = "SELECT MAX(created_at) FROM carts WHERE store_id = @StoreId AND external_id NOT LIKE 'capture:%'";

    private const string CaptureHoursSql = """
        SELECT created_at / 3600000 AS Hour, COUNT(*) AS Events
        FROM carts WHERE store_id = @StoreId AND created_at >= @From AND created_at < @To AND external_id LIKE 'capture:%'
        GROUP BY created_at / 3600000
        """;

    // The script posts again as a visitor's cart changes: its last sign of life is the newest update.
    private const string CaptureLastSql = "SELECT MAX(updated_at) FROM carts WHERE store_id = @StoreId AND external_id LIKE 'capture:%'";

    private readonly IDbConnectionFactory _connections;

    public FeedActivityQuery(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        DapperSetup.Ensure();
        _connections = connections;
    }

    public async Task<DateTimeOffset?> LastEventAsync(long storeId, FeedSource source, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var last = await db.ExecuteScalarAsync<long?>(new CommandDefinition(Statements(source).Last, new { StoreId = storeId }, cancellationToken: ct));
        return DbTime.FromDb(last);
    }

    public async Task<IReadOnlyDictionary<DateTimeOffset, int>> EventsPerHourAsync(long storeId, FeedSource source, DateTimeOffset since,
        DateTimeOffset until, CancellationToken ct)
    {
        var args = new { StoreId = storeId, From = DbTime.ToDb(since), To = DbTime.ToDb(until) };
        await using var db = await _connections.OpenAsync(ct);
        var hours = await db.QueryAsync<HourRow>(new CommandDefinition(Statements(source).Hours, args, cancellationToken: ct));
        return hours.ToDictionary(h => DbTime.FromDb(h.Hour * HourMs), h => (int)h.Events);
    }

    private static (string Hours, string Last) Statements(FeedSource source) => source switch
    {
        FeedSource.Webhooks => (WebhookHoursSql, WebhookLastSql),
        FeedSource.Polling => (CheckoutHoursSql, CheckoutLastSql),
        FeedSource.Capture => (CaptureHoursSql, CaptureLastSql),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown feed source"),
    };

    private sealed class HourRow
    {
        public long Hour { get; init; }
        public long Events { get; init; }
    }
}
