using CartRecovery.Core.Tasks;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Tasks;

/// <summary>Follow-up tasks for people; at most one per sequence message.</summary>
internal sealed class FollowUpTaskRepository : IFollowUpTaskRepository
{
    private const string InsertSql = """
        INSERT INTO follow_up_tasks (store_id, cart_id, message_id, summary, status, created_at)
        VALUES (@StoreId, @CartId, @MessageId, @Summary, @Status, @CreatedAt)
        """;

    private const string ByMessageSql = $"SELECT {FollowUpTaskRow.Columns} FROM follow_up_tasks WHERE message_id = @MessageId";

    private const string GetSql = $"SELECT {FollowUpTaskRow.Columns} FROM follow_up_tasks WHERE id = @Id";

    // A null filter matches all: one fixed statement for every combination, and a second when only some stores are visible.
    private const string ListWhere = $"""
        SELECT {FollowUpTaskRow.Columns} FROM follow_up_tasks
        WHERE (@StoreId IS NULL OR store_id = @StoreId) AND (@Status IS NULL OR status = @Status)
        """;
    private const string ListOrder = "ORDER BY created_at, id";
    private const string ListSql = $"{ListWhere} {ListOrder}";
    private const string ListVisibleSql = $"{ListWhere} AND store_id IN @StoreIds {ListOrder}";
    private const string AssignSql = "UPDATE follow_up_tasks SET assignee = @Assignee WHERE id = @Id AND status = @Open";
    private const string CompleteSql = """
        UPDATE follow_up_tasks SET status = @Done, outcome = @Outcome, completed_at = @At WHERE id = @Id AND status = @Open
        """;

    private const string CloseForCartSql = "UPDATE follow_up_tasks SET status = @Closed WHERE cart_id = @CartId AND status = @Open";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public FollowUpTaskRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<FollowUpTask> CreateAsync(FollowUpTask task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.InsertIgnoringDuplicates(InsertSql, "message_id"),
            FollowUpTaskRow.From(task), tx, cancellationToken: ct));
        var stored = await db.QuerySingleAsync<FollowUpTaskRow>(new CommandDefinition(ByMessageSql,
            new { task.MessageId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return stored.ToTask();
    }

    public async Task<IReadOnlyList<FollowUpTask>> ListAsync(long? storeId, FollowUpTaskStatus? status, IReadOnlyCollection<long>? visibleStoreIds,
        CancellationToken ct)
    {
        if (visibleStoreIds is { Count: 0 })
            return [];
        var sql = visibleStoreIds is null ? ListSql : _dialect.ListParameter(ListVisibleSql);
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<FollowUpTaskRow>(new CommandDefinition(sql,
            new { StoreId = storeId, Status = (int?)status, StoreIds = visibleStoreIds?.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToTask()).ToList();
    }

    public async Task<FollowUpTask?> GetAsync(long taskId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<FollowUpTaskRow>(new CommandDefinition(GetSql, new { Id = taskId }, cancellationToken: ct));
        return row?.ToTask();
    }

    public async Task<bool> AssignAsync(long taskId, string assignee, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(AssignSql,
            new { Id = taskId, Assignee = assignee, Open = (int)FollowUpTaskStatus.Open }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> CompleteAsync(long taskId, string outcome, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(CompleteSql, new
        {
            Id = taskId, Outcome = outcome, At = DbTime.ToDb(at), Done = (int)FollowUpTaskStatus.Done, Open = (int)FollowUpTaskStatus.Open,
        }, cancellationToken: ct)) > 0;
    }

    public async Task<int> CloseForCartAsync(long cartId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(CloseForCartSql, new
        {
            CartId = cartId,
            Closed = (int)FollowUpTaskStatus.Closed,
            Open = (int)FollowUpTaskStatus.Open,
        }, cancellationToken: ct));
    }
}
