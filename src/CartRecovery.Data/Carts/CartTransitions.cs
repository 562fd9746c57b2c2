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

    private const string OpenCartEmailSql = """
        SELECT store_id, email_normalized FROM carts WHERE id = @Id AND (status = @Active OR status = @Abandoned)
        """;

    private const string OpenCartsOfEmailSql = """
        SELECT c.id, c.status, c.platform_updated_at,
               CASE WHEN EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id) THEN 1 ELSE 0 END AS has_lines
        FROM carts c
        WHERE c.store_id = @StoreId AND c.email_normalized = @Email AND (c.status = @Active OR c.status = @Abandoned)
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
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        var open = new { Active = (int)CartStatus.Active, Abandoned = (int)CartStatus.Abandoned };
        var owner = await db.QuerySingleOrDefaultAsync<(long StoreId, string? Email)>(new CommandDefinition(
            OpenCartEmailSql, new { Id = cartId, open.Active, open.Abandoned }, tx, cancellationToken: ct));
        if (owner.Email is null)
            return 0;

        var siblings = await db.QueryAsync<(long Id, int Status, long PlatformUpdatedAt, int HasLines)>(new CommandDefinition(
            OpenCartsOfEmailSql, new { owner.StoreId, owner.Email, open.Active, open.Abandoned }, tx, cancellationToken: ct));
        var candidates = siblings.Select(s => new ReplacementCandidate(s.Id, (CartStatus)s.Status, DbTime.FromDb(s.PlatformUpdatedAt), s.HasLines != 0));
        var closed = 0;
        foreach (var transition in CartTransitionRules.Replace(candidates, now))
        {
            if (await ApplyAsync(db, tx, transition, ct))
                closed++;
        }
        await tx.CommitAsync(ct);
        return closed;
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
