using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Data.Stores;

/// <summary>
/// The store's last webhook (the inbox keeps every delivery until the retention purge) and its last captured cart
/// (captured carts carry the capture prefix in their external id; <c>updated_at</c> moves with every post of the script).
/// </summary>
internal sealed class StoreActivityQuery : IStoreActivity
{
    private const string Sql = """
        SELECT (SELECT MAX(received_at) FROM webhook_deliveries WHERE store_id = @StoreId) AS LastWebhookAt,
               (SELECT MAX(updated_at) FROM carts WHERE store_id = @StoreId AND external_id LIKE 'capture:%') AS LastCaptureAt
        """;

    private readonly IDbConnectionFactory _connections;

    public StoreActivityQuery(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        DapperSetup.Ensure();
        _connections = connections;
    }

    public async Task<StoreActivity> GetAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleAsync<Row>(new CommandDefinition(Sql, new { StoreId = storeId }, cancellationToken: ct));
        return new StoreActivity(DbTime.FromDb(row.LastWebhookAt), DbTime.FromDb(row.LastCaptureAt));
    }

    private sealed class Row
    {
        public long? LastWebhookAt { get; init; }
        public long? LastCaptureAt { get; init; }
    }
}
