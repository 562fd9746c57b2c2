using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using CartRecovery.Data.Messages;
using Dapper;

namespace CartRecovery.Data.Carts;

/// <summary>
/// Applies the lifecycle moves <see cref="CartTransitionRules"/> decides (abandon, convert, close, replace). Each runs
/// in one write transaction: read the status, ask Core, then an UPDATE guarded by the status read, so a move happens
/// at most once even on engines without a database-wide write lock.
/// </summary>
internal sealed class CartTransitions(IDbConnectionFactory connections, SqlDialect dialect)
{
    private const string StatusSql = "SELECT status FROM carts WHERE id = @Id";

    private const string MoveSql = "UPDATE carts SET status = @To, updated_at = @Now WHERE id = @Id AND status = @From";

    private const string AbandonSql = """
        UPDATE carts SET status = @To, abandoned_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = @From
        """;

    private const string ConvertSql = """
        UPDATE carts
        SET status = @To, converted_at = @ConvertedAt, order_id = @OrderId, order_total_minor = @OrderTotalMinor,
            recovered_by_step = @RecoveredByStep, updated_at = @Now
        WHERE id = @Id AND status = @From
        """;

    // The open carts of the customer of open cart @Id (itself included); none when it is closed or has no email.
    private const string OpenCartsOfCustomerSql = """
        SELECT c.id, c.status, c.platform_updated_at,
               CASE WHEN EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id) THEN 1 ELSE 0 END AS has_lines
        FROM carts o
        JOIN carts c ON c.store_id = o.store_id AND c.email_normalized = o.email_normalized
        WHERE o.id = @Id AND (o.status = @Active OR o.status = @Abandoned) AND (c.status = @Active OR c.status = @Abandoned)
        """;

    private const string CancelOpenMessagesSql = """
        UPDATE messages SET status = @Cancelled, last_error = @Reason
        WHERE cart_id = @CartId AND (status = @Pending OR status = @Claimed)
        """;

    public Task<bool> AbandonAsync(long cartId, DateTimeOffset abandonedAt, IReadOnlyList<OutboundMessage> plan, CancellationToken ct)
    {
        // Decide once up front too, so a plan of another cart throws before any connection opens.
        CartTransitionRules.Abandon(cartId, CartStatus.Active, abandonedAt, plan);
        return ApplyAsync(cartId, current => CartTransitionRules.Abandon(cartId, current, abandonedAt, plan), ct);
    }

    public Task<bool> ConvertAsync(CartConversion conversion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        return ApplyAsync(conversion.CartId, current => CartTransitionRules.Convert(current, conversion, now), ct);
    }

    public Task<bool> CloseAsync(long cartId, CartStatus status, TimelineEntry reason, DateTimeOffset now, CancellationToken ct)
    {
        // Bad arguments throw whatever the cart's status (Active may always close).
        CartTransitionRules.Close(cartId, CartStatus.Active, status, reason, now);
        return ApplyAsync(cartId, current => CartTransitionRules.Close(cartId, current, status, reason, now), ct);
    }

    public async Task<int> CloseReplacedAsync(long cartId, DateTimeOffset now, CancellationToken ct)
    {
        // Most news of a cart replaces nothing, which a read outside any transaction tells without taking the write
        // lock. Each caller reads after its cart's own commit, so of two carts of one customer written at the same
        // time, the one read last sees both.
        await using (var reader = await connections.OpenAsync(ct))
        {
            if (CartTransitionRules.Replace(await ReadOpenCartsOfCustomerAsync(reader, null, cartId, ct), now).Count == 0)
                return 0;
        }

        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        var closed = 0;
        foreach (var transition in CartTransitionRules.Replace(await ReadOpenCartsOfCustomerAsync(db, tx, cartId, ct), now))
        {
            if (await ApplyAsync(db, tx, transition, ct))
                closed++;
        }
        await tx.CommitAsync(ct);
        return closed;
    }

    private static async Task<IEnumerable<ReplacementCandidate>> ReadOpenCartsOfCustomerAsync(DbConnection db, DbTransaction? tx, long cartId,
        CancellationToken ct)
    {
        var open = await db.QueryAsync<(long Id, int Status, long PlatformUpdatedAt, int HasLines)>(new CommandDefinition(
            OpenCartsOfCustomerSql, new { Id = cartId, Active = (int)CartStatus.Active, Abandoned = (int)CartStatus.Abandoned }, tx,
            cancellationToken: ct));
        return open.Select(s => new ReplacementCandidate(s.Id, (CartStatus)s.Status, DbTime.FromDb(s.PlatformUpdatedAt), s.HasLines != 0));
    }

    private async Task<bool> ApplyAsync(long cartId, Func<CartStatus, CartTransition?> decide, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        if (await ReadStatusAsync(db, tx, cartId, ct) is not { } current || decide(current) is not { } transition)
            return false;
        if (!await ApplyAsync(db, tx, transition, ct))
            return false;
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Writes a decided move; false (and nothing written) when the cart no longer holds the status it was decided on.</summary>
    private async Task<bool> ApplyAsync(DbConnection db, DbTransaction tx, CartTransition transition, CancellationToken ct)
    {
        var changed = await db.ExecuteAsync(MoveCommand(transition, tx, ct));
        if (changed == 0)
            return false;

        if (transition.Schedule.Count > 0)
        {
            var insert = dialect.InsertIgnoringDuplicates(MessageRow.InsertSql, "cart_id, step");
            await db.ExecuteAsync(new CommandDefinition(insert, transition.Schedule.Select(MessageRow.From).ToList(), tx, cancellationToken: ct));
        }
        if (transition.CancelMessagesReason is { } reason)
            await CancelOpenMessagesAsync(db, tx, transition.CartId, reason, ct);
        await CartEventWriter.AddAsync(db, tx, transition.Event, ct);
        return true;
    }

    private static CommandDefinition MoveCommand(CartTransition transition, DbTransaction tx, CancellationToken ct)
    {
        var id = transition.CartId;
        var (from, to) = ((int)transition.From, (int)transition.To);
        var now = DbTime.ToDb(transition.Event.At);
        if (transition.Conversion is { } order)
            return new(ConvertSql, new
            {
                Id = id, From = from, To = to, Now = now,
                ConvertedAt = DbTime.ToDb(order.OrderedAt),
                order.OrderId,
                order.OrderTotalMinor,
                RecoveredByStep = order.Attribution.Step,
            }, tx, cancellationToken: ct);
        var sql = transition.To == CartStatus.Abandoned ? AbandonSql : MoveSql;
        return new(sql, new { Id = id, From = from, To = to, Now = now }, tx, cancellationToken: ct);
    }

    private static async Task<CartStatus?> ReadStatusAsync(DbConnection db, DbTransaction tx, long cartId, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(StatusSql, new { Id = cartId }, tx, cancellationToken: ct))
            is { } status ? (CartStatus)status : null;

    private static Task<int> CancelOpenMessagesAsync(DbConnection db, DbTransaction tx, long cartId, string reason, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(CancelOpenMessagesSql, new
        {
            CartId = cartId,
            Reason = reason,
            Cancelled = (int)MessageStatus.Cancelled,
            Pending = (int)MessageStatus.Pending,
            Claimed = (int)MessageStatus.Claimed,
        }, tx, cancellationToken: ct));
}
