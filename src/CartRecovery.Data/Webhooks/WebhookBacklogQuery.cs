using CartRecovery.Core.Webhooks;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Data.Webhooks;

/// <summary>The inbox's backlog in one aggregate over pending rows (ix_webhook_deliveries_status_next leads with status).</summary>
internal sealed class WebhookBacklogQuery : IWebhookBacklog
{
    private const string BacklogSql = """
        SELECT COUNT(*) AS pending, MIN(received_at) AS oldest_received_at
        FROM webhook_deliveries WHERE status = @Pending
        """;

    private readonly IDbConnectionFactory _connections;

    public WebhookBacklogQuery(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        DapperSetup.Ensure();
        _connections = connections;
    }

    public async Task<WebhookBacklog> MeasureAsync(CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleAsync<BacklogRow>(new CommandDefinition(BacklogSql, new { Pending = (int)WebhookStatus.Pending }, cancellationToken: ct));
        return new WebhookBacklog(row.Pending, DbTime.FromDb(row.OldestReceivedAt));
    }

    // Settable properties, not a positional record: COUNT(*) is an int on SQL Server and a bigint elsewhere.
    private sealed class BacklogRow
    {
        public long Pending { get; set; }
        public long? OldestReceivedAt { get; set; }
    }
}
