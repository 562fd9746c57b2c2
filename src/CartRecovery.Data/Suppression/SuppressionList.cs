using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Suppression;

/// <summary>Addresses a store must never email again, keyed by (store, trimmed lower-cased address).</summary>
internal sealed class SuppressionList : ISuppressionList
{
    private const string ExistsSql = "SELECT COUNT(*) FROM suppressions WHERE store_id = @StoreId AND email_normalized = @Email";

    // A dispatch batch's addresses in one read (the primary key's order: store, then address).
    private const string SuppressedAmongSql = "SELECT email_normalized FROM suppressions WHERE store_id = @StoreId AND email_normalized IN @Emails";

    private const string InsertSql = """
        INSERT INTO suppressions (store_id, email_normalized, email, reason, created_at)
        VALUES (@StoreId, @EmailNormalized, @Email, @Reason, @CreatedAt)
        """;

    private const string DeleteSql = "DELETE FROM suppressions WHERE store_id = @StoreId AND email_normalized = @Email";

    private const string ListSql = """
        SELECT store_id, email, reason, created_at FROM suppressions WHERE store_id = @StoreId ORDER BY created_at, email_normalized
        """;

    // The address's carts in the store, and the cart the opt-out came through (its address may have changed since).
    private const string OptOutCarts = "(cart_id = @CartId OR cart_id IN (SELECT id FROM carts WHERE store_id = @StoreId AND email_normalized = @Email))";

    private const string CancelMessagesSql = $"""
        UPDATE messages SET status = @Cancelled, last_error = @Reason
        WHERE store_id = @StoreId AND (status = @Pending OR status = @Claimed) AND {OptOutCarts}
        """;

    private const string OpenCartsSql = """
        SELECT id, status FROM carts
        WHERE store_id = @StoreId AND (email_normalized = @Email OR id = @CartId) AND (status = @Active OR status = @Abandoned)
        ORDER BY id
        """;

    private const string CloseCartSql = "UPDATE carts SET status = @OptedOut, updated_at = @Now WHERE id = @Id AND status = @Current";

    private const string CloseCartTasksSql = "UPDATE follow_up_tasks SET status = @Closed WHERE cart_id = @Id AND status = @Open";

    private const string CloseOtherTasksSql = $"UPDATE follow_up_tasks SET status = @Closed WHERE store_id = @StoreId AND status = @Open AND {OptOutCarts}";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SuppressionList(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<bool> IsSuppressedAsync(long storeId, string email, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return false;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(ExistsSql,
            new { StoreId = storeId, Email = normalized }, cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(long storeId, IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var suppressed = new HashSet<string>(StringComparer.Ordinal);
        var normalized = EmailNormalizer.NormalizeDistinct(emails);
        if (normalized.Length == 0)
            return suppressed;
        await using var db = await _connections.OpenAsync(ct);
        foreach (var chunk in normalized.Chunk(SqlDialect.MaxListItems))
        {
            suppressed.UnionWith(await db.QueryAsync<string>(new CommandDefinition(_dialect.ListParameter(SuppressedAmongSql),
                new { StoreId = storeId, Emails = chunk }, cancellationToken: ct)));
        }
        return suppressed;
    }

    /// <summary>Adds the address; when it is there already, the first reason and time stay.</summary>
    public async Task SuppressAsync(long storeId, string email, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var normalized = EmailNormalizer.Normalize(email)
            ?? throw new ArgumentException("An address to suppress must not be empty.", nameof(email));
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.InsertIgnoringDuplicates(InsertSql, "store_id, email_normalized"), new
        {
            StoreId = storeId,
            EmailNormalized = normalized,
            Email = email.Trim(),
            Reason = reason,
            CreatedAt = DbTime.ToDb(at),
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SuppressedAddress>> ListAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<SuppressionRow>(new CommandDefinition(ListSql, new { StoreId = storeId }, cancellationToken: ct));
        return rows.Select(r => new SuppressedAddress(r.StoreId, r.Email, r.Reason, DbTime.FromDb(r.CreatedAt))).ToList();
    }

    public async Task<bool> RemoveAsync(long storeId, string email, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return false;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(DeleteSql, new { StoreId = storeId, Email = normalized }, cancellationToken: ct)) > 0;
    }

    public async Task<OptOutResult> OptOutAsync(OptOutRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var normalized = EmailNormalizer.Normalize(record.Email)
            ?? throw new ArgumentException("An address to opt out must not be empty.", nameof(record));
        var param = new
        {
            record.StoreId,
            Email = normalized,
            record.CartId,
            record.Reason,
            Now = DbTime.ToDb(record.Now),
            Cancelled = (int)MessageStatus.Cancelled,
            Pending = (int)MessageStatus.Pending,
            Claimed = (int)MessageStatus.Claimed,
            Active = (int)CartStatus.Active,
            Abandoned = (int)CartStatus.Abandoned,
            Closed = (int)FollowUpTaskStatus.Closed,
            Open = (int)FollowUpTaskStatus.Open,
        };

        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.InsertIgnoringDuplicates(InsertSql, "store_id, email_normalized"), new
        {
            record.StoreId,
            EmailNormalized = normalized,
            Email = record.Email.Trim(),
            record.Reason,
            CreatedAt = DbTime.ToDb(record.SuppressedAt),
        }, tx, cancellationToken: ct));
        var cancelled = await db.ExecuteAsync(new CommandDefinition(CancelMessagesSql, param, tx, cancellationToken: ct));
        var (closedCarts, closedTasks) = await CloseOpenCartsAsync(db, tx, record, param, ct);
        closedTasks += await db.ExecuteAsync(new CommandDefinition(CloseOtherTasksSql, param, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new(cancelled, closedCarts, closedTasks);
    }

    private static async Task<(int Carts, int Tasks)> CloseOpenCartsAsync(DbConnection db, DbTransaction tx, OptOutRecord record, object param,
        CancellationToken ct)
    {
        var open = await db.QueryAsync<(long Id, long Status)>(new CommandDefinition(OpenCartsSql, param, tx, cancellationToken: ct));
        int carts = 0, tasks = 0;
        foreach (var (id, status) in open.ToList())
        {
            if (!CartLifecycle.CanMove((CartStatus)status, CartStatus.OptedOut))
                continue;
            var moved = await db.ExecuteAsync(new CommandDefinition(CloseCartSql,
                new { Id = id, Current = status, OptedOut = (int)CartStatus.OptedOut, Now = DbTime.ToDb(record.Now) }, tx, cancellationToken: ct));
            if (moved == 0)
                continue;
            var cartTasks = await db.ExecuteAsync(new CommandDefinition(CloseCartTasksSql,
                new { Id = id, Closed = (int)FollowUpTaskStatus.Closed, Open = (int)FollowUpTaskStatus.Open }, tx, cancellationToken: ct));
            var detail = TimelineEntry.Of(cartTasks == 0 ? TimelineCodes.Closed : TimelineCodes.ClosedWithTask, TimelineArg.Of(record.Reason));
            await CartEventWriter.AddAsync(db, tx, new(id, record.Now, CartEventKinds.OptedOut, detail), ct);
            carts++;
            tasks += cartTasks;
        }
        return (carts, tasks);
    }
}
