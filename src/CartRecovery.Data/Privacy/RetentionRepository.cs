using CartRecovery.Core.Privacy;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Privacy;

/// <summary>
/// Deletes expired customer data in batches, one transaction per batch. Children are deleted explicitly before their
/// carts rather than through ON DELETE CASCADE, which SQL Server cannot declare on every path.
/// </summary>
internal sealed class RetentionRepository : IRetentionRepository
{
    // Every instant of the cart and of its messages lies before the cutoff: nothing purged can still count in a day
    // the roll-up may recount, and no live cart (a pending step, a late click) loses its data.
    private const string ExpiredCartsSql = """
        SELECT c.id FROM carts c
        WHERE c.store_id = @StoreId AND c.created_at < @Cutoff AND c.updated_at < @Cutoff
          AND (c.abandoned_at IS NULL OR c.abandoned_at < @Cutoff)
          AND (c.converted_at IS NULL OR c.converted_at < @Cutoff)
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.cart_id = c.id
                          AND (m.due_at >= @Cutoff OR m.sent_at >= @Cutoff OR m.delivered_at >= @Cutoff
                               OR m.opened_at >= @Cutoff OR m.clicked_at >= @Cutoff))
        ORDER BY c.id
        """;

    private const string MessagesOfCartsSql = "SELECT id FROM messages WHERE cart_id IN @Ids";

    private static readonly string[] DeleteCartsSql =
    [
        "DELETE FROM follow_up_tasks WHERE cart_id IN @Ids",
        "DELETE FROM cart_events WHERE cart_id IN @Ids",
        "DELETE FROM cart_lines WHERE cart_id IN @Ids",
        "DELETE FROM cart_refs WHERE cart_id IN @Ids",
        "DELETE FROM messages WHERE cart_id IN @Ids",
        "DELETE FROM carts WHERE id IN @Ids",
    ];

    private static readonly string[] DeleteRecordsSql =
    [
        "DELETE FROM webhook_deliveries WHERE store_id = @StoreId AND processed_at IS NOT NULL AND received_at < @Cutoff",
        "DELETE FROM data_exports WHERE store_id = @StoreId AND created_at < @Cutoff",
    ];

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public RetentionRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<PurgedCarts> PurgeCartsAsync(long storeId, DateTimeOffset cutoff, int batchSize, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        var ids = (await db.QueryAsync<long>(new CommandDefinition(_dialect.Page(ExpiredCartsSql),
            new { StoreId = storeId, Cutoff = DbTime.ToDb(cutoff), Skip = 0, Take = batchSize }, tx, cancellationToken: ct))).ToList();
        List<long> messageIds = [];
        if (ids.Count > 0)
        {
            messageIds = (await db.QueryAsync<long>(new CommandDefinition(_dialect.ListParameter(MessagesOfCartsSql),
                new { Ids = ids.ToArray() }, tx, cancellationToken: ct))).ToList();
            foreach (var sql in DeleteCartsSql)
                await db.ExecuteAsync(new CommandDefinition(_dialect.ListParameter(sql), new { Ids = ids.ToArray() }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        if (ids.Count > 0)
            await _dialect.AfterErasureAsync(db, ct);
        return new PurgedCarts(ids.Count, messageIds);
    }

    public async Task<int> PurgeRecordsAsync(long storeId, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        var deleted = 0;
        foreach (var sql in DeleteRecordsSql)
            deleted += await db.ExecuteAsync(new CommandDefinition(sql, new { StoreId = storeId, Cutoff = DbTime.ToDb(cutoff) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        if (deleted > 0)
            await _dialect.AfterErasureAsync(db, ct);
        return deleted;
    }
}
