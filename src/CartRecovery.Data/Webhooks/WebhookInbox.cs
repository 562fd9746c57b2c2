using System.Data.Common;
using CartRecovery.Core.Webhooks;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Webhooks;

/// <summary>The durable webhook inbox; (platform, delivery id) is unique, which is what de-duplicates deliveries.</summary>
internal sealed class WebhookInbox : IWebhookInbox
{
    private const string InsertSql = """
        INSERT INTO webhook_deliveries (platform, delivery_id, topic, store_id, shop_ref, body, triggered_at, received_at,
                                        status, attempts, next_attempt_at)
        VALUES (@Platform, @DeliveryId, @Topic, @StoreId, @ShopRef, @Body, @TriggeredAt, @ReceivedAt,
                @Status, @Attempts, @NextAttemptAt)
        """;

    private const string ProcessedSql = """
        UPDATE webhook_deliveries SET status = @Processed, processed_at = @At, lease_until = NULL WHERE id IN @Ids
        """;

    private const string ForgetBodySql = "UPDATE webhook_deliveries SET body = '' WHERE id = @Id";

    private const string FailedSql = """
        UPDATE webhook_deliveries
        SET status = @Status, attempts = attempts + 1, last_error = @LastError, next_attempt_at = COALESCE(@RetryAt, next_attempt_at),
            lease_until = NULL
        WHERE id = @Id
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly GroupCommit _commits;
    private readonly AcceptRows _accept;
    private readonly string _processedSql;

    public WebhookInbox(IDbConnectionFactory connections, SqlDialect dialect, GroupCommit commits)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(commits);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
        _commits = commits;
        _accept = new AcceptRows(dialect.InsertIgnoringDuplicates(InsertSql, "platform, delivery_id"));
        _processedSql = dialect.ListParameter(ProcessedSql);
    }

    // A burst of deliveries shares transactions (one commit per batch), and their inserts run as one batch of the same
    // statement (compiled once on SQLite, one round trip on the server engines); each returns only once its row has committed.
    public Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return _commits.RunAsync(_accept, WebhookDeliveryRow.From(delivery), ct);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int batchSize, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<WebhookDeliveryRow>(new CommandDefinition(_dialect.ClaimWebhookDeliveries, new
        {
            Now = DbTime.ToDb(now),
            LeaseUntil = DbTime.ToDb(leaseUntil),
            Batch = batchSize,
            Pending = (int)WebhookStatus.Pending,
        }, cancellationToken: ct));
        return rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Select(r => r.ToDelivery()).ToList();
    }

    public async Task MarkProcessedAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return;
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_processedSql,
            new { Ids = ids.ToArray(), At = DbTime.ToDb(at), Processed = (int)WebhookStatus.Processed }, cancellationToken: ct));
    }

    public async Task ForgetBodyAsync(long id, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        if (await db.ExecuteAsync(new CommandDefinition(ForgetBodySql, new { Id = id }, cancellationToken: ct)) > 0)
            await _dialect.AfterErasureAsync(db, ct);
    }

    public async Task MarkFailedAsync(long id, string lastError, DateTimeOffset? retryAt, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(FailedSql, new
        {
            Id = id,
            LastError = lastError.Length > 1000 ? lastError[..1000] : lastError,
            RetryAt = DbTime.ToDb(retryAt),
            Status = (int)(retryAt is null ? WebhookStatus.Failed : WebhookStatus.Pending),
        }, cancellationToken: ct));
    }

    /// <summary>The inserts of the deliveries queued for one commit; a delivery is new when its insert stored a row.</summary>
    private sealed class AcceptRows(string sql) : IBatchedWrite<WebhookDeliveryRow, bool>
    {
        private static readonly (string, Func<WebhookDeliveryRow, object?>)[] Parameters =
        [
            ("@Platform", r => r.Platform), ("@DeliveryId", r => r.DeliveryId), ("@Topic", r => r.Topic), ("@StoreId", r => r.StoreId),
            ("@ShopRef", r => r.ShopRef), ("@Body", r => r.Body), ("@TriggeredAt", r => r.TriggeredAt), ("@ReceivedAt", r => r.ReceivedAt),
            ("@Status", r => r.Status), ("@Attempts", r => r.Attempts), ("@NextAttemptAt", r => r.NextAttemptAt),
        ];

        public async Task<IReadOnlyList<bool>> RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<WebhookDeliveryRow> items) =>
            (await StatementPerRow.ExecuteAsync(db, transaction, sql, items, Parameters)).Select(affected => affected > 0).ToList();
    }
}
