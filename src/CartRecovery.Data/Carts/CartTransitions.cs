using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using CartRecovery.Data.Messages;
using Dapper;

namespace CartRecovery.Data.Carts;

/// <summary>
/// The lifecycle moves of a cart (abandon, convert, close). Each runs in one write transaction and guards its UPDATE
/// with the status it read, so a move happens at most once even on engines without a database-wide write lock.
/// </summary>
internal sealed class CartTransitions(IDbConnectionFactory connections, SqlDialect dialect)
{
    /// <summary>Timeline kind of an expiry; <see cref="CartEventKinds"/> has none.</summary>
    public const string ExpiredEventKind = "expired";

    private const string AbandonSql = """
        UPDATE carts SET status = @Abandoned, abandoned_at = @AbandonedAt, updated_at = @AbandonedAt
        WHERE id = @Id AND status = @Active
        """;

    private const string StatusSql = "SELECT status FROM carts WHERE id = @Id";

    private const string ConvertSql = """
        UPDATE carts
        SET status = @Status, converted_at = @ConvertedAt, order_id = @OrderId, order_total_minor = @OrderTotalMinor,
            recovered_by_step = @RecoveredByStep, updated_at = @Now
        WHERE id = @Id AND status = @Current
        """;

    private const string CloseSql = "UPDATE carts SET status = @Status, updated_at = @Now WHERE id = @Id AND status = @Current";

    private const string OpenCartEmailSql = """
        SELECT store_id, email_normalized FROM carts WHERE id = @Id AND (status = @Active OR status = @Abandoned)
        """;

    // Carts without lines neither replace nor are replaced: emptiness has rules of its own (CartIngestion, enrolment).
    private const string OpenCartsOfEmailSql = """
        SELECT c.id, c.status FROM carts c
        WHERE c.store_id = @StoreId AND c.email_normalized = @Email AND (c.status = @Active OR c.status = @Abandoned)
          AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id)
        ORDER BY c.platform_updated_at DESC, c.id DESC
        """;

    private const string CancelOpenMessagesSql = """
        UPDATE messages SET status = @Cancelled, last_error = @Reason
        WHERE cart_id = @CartId AND (status = @Pending OR status = @Claimed)
        """;

    public async Task<bool> AbandonAsync(long cartId, DateTimeOffset abandonedAt, IReadOnlyList<OutboundMessage> plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.FirstOrDefault(m => m.CartId != cartId) is { } stray)
            throw new ArgumentException($"The plan holds a message for cart {stray.CartId}, not {cartId}.", nameof(plan));

        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        var changed = await db.ExecuteAsync(new CommandDefinition(AbandonSql, new
        {
            Id = cartId,
            AbandonedAt = DbTime.ToDb(abandonedAt),
            Abandoned = (int)CartStatus.Abandoned,
            Active = (int)CartStatus.Active,
        }, tx, cancellationToken: ct));
        if (changed == 0)
            return false;

        var rows = plan.Select(m => MessageRow.From(m with { Status = MessageStatus.Pending, Attempts = 0 })).ToList();
        if (rows.Count > 0)
        {
            var insert = dialect.InsertIgnoringDuplicates(MessageRow.InsertSql, "cart_id, step");
            await db.ExecuteAsync(new CommandDefinition(insert, rows, tx, cancellationToken: ct));
        }
        await CartEventWriter.AddAsync(db, tx,
            new(cartId, abandonedAt, CartEventKinds.Abandoned, TimelineEntry.Of(TimelineCodes.Abandoned, TimelineArg.Of(plan.Count))), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> ConvertAsync(CartConversion conversion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        var recovered = conversion.Attribution.IsRecovered;
        var target = recovered ? CartStatus.Recovered : CartStatus.ConvertedUnassisted;

        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        if (await ReadStatusAsync(db, tx, conversion.CartId, ct) is not { } current || !CartLifecycle.CanMove(current, target))
            return false;

        var changed = await db.ExecuteAsync(new CommandDefinition(ConvertSql, new
        {
            Id = conversion.CartId,
            Status = (int)target,
            Current = (int)current,
            ConvertedAt = DbTime.ToDb(conversion.OrderedAt),
            conversion.OrderId,
            OrderTotalMinor = conversion.OrderTotalMinor,
            RecoveredByStep = conversion.Attribution.Step,
            Now = DbTime.ToDb(now),
        }, tx, cancellationToken: ct));
        if (changed == 0)
            return false;
        await CancelOpenMessagesAsync(db, tx, conversion.CartId, "the cart converted", ct);

        // The order total is shown in the cart's currency: platforms report orders in the currency of the checkout.
        var detail = recovered
            ? TimelineEntry.Of(TimelineCodes.Recovered, TimelineArg.Of(conversion.OrderId), TimelineArg.Of(conversion.Attribution.Step ?? 0))
            : TimelineEntry.Of(TimelineCodes.Converted, TimelineArg.Of(conversion.OrderId));
        await CartEventWriter.AddAsync(db, tx, new(conversion.CartId, now,
            recovered ? CartEventKinds.Recovered : CartEventKinds.Converted, detail, conversion.Attribution.MessageId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> CloseAsync(long cartId, CartStatus status, TimelineEntry reason, DateTimeOffset now, CancellationToken ct)
    {
        if (status is not (CartStatus.Expired or CartStatus.OptedOut))
            throw new ArgumentOutOfRangeException(nameof(status), status, "A cart can only be closed as Expired or OptedOut.");
        ArgumentNullException.ThrowIfNull(reason);

        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        if (await ReadStatusAsync(db, tx, cartId, ct) is not { } current || !CartLifecycle.CanMove(current, status))
            return false;

        var changed = await db.ExecuteAsync(new CommandDefinition(CloseSql,
            new { Id = cartId, Status = (int)status, Current = (int)current, Now = DbTime.ToDb(now) }, tx, cancellationToken: ct));
        if (changed == 0)
            return false;
        await CancelOpenMessagesAsync(db, tx, cartId, TimelineTexts.English(reason), ct);
        var kind = status == CartStatus.OptedOut ? CartEventKinds.OptedOut : ExpiredEventKind;
        await CartEventWriter.AddAsync(db, tx, new(cartId, now, kind, TimelineEntry.Of(TimelineCodes.Closed, TimelineArg.Of(reason))), ct);
        await tx.CommitAsync(ct);
        return true;
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

        // Newest first: the first stays open, every other one was replaced by it.
        var siblings = (await db.QueryAsync<(long Id, int Status)>(new CommandDefinition(OpenCartsOfEmailSql,
            new { owner.StoreId, owner.Email, open.Active, open.Abandoned }, tx, cancellationToken: ct))).ToList();
        var closed = 0;
        foreach (var (id, status) in siblings.Skip(1))
        {
            var changed = await db.ExecuteAsync(new CommandDefinition(CloseSql,
                new { Id = id, Status = (int)CartStatus.Expired, Current = status, Now = DbTime.ToDb(now) }, tx, cancellationToken: ct));
            if (changed == 0)
                continue;
            var reason = TimelineEntry.Of(TimelineCodes.Replaced, TimelineArg.Of(siblings[0].Id));
            await CancelOpenMessagesAsync(db, tx, id, TimelineTexts.English(reason), ct);
            await CartEventWriter.AddAsync(db, tx, new(id, now, ExpiredEventKind, TimelineEntry.Of(TimelineCodes.Closed, TimelineArg.Of(reason))), ct);
            closed++;
        }
        await tx.CommitAsync(ct);
        return closed;
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
