using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Reasons;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using System.Data.Common;
using Dapper;

namespace CartRecovery.Data.Reasons;

/// <summary>
/// A cart's reason lives on its row (<c>leave_reason</c>, <c>leave_reason_at</c>). Recording it and answering it happen
/// in one write transaction whose first statement is guarded by <c>leave_reason IS NULL</c>: only the first click
/// changes the cart's messages, on every engine, however many clicks race. Message changes touch Pending messages
/// only: one a dispatcher has claimed is already on its way.
/// </summary>
internal sealed class LeaveReasonRepository(IDbConnectionFactory connections, SqlDialect dialect) : ILeaveReasonRepository
{
    private const string RecordSql = """
        UPDATE carts SET leave_reason = @Reason, leave_reason_at = @At
        WHERE id = @CartId AND store_id = @StoreId AND leave_reason IS NULL
        """;

    private const string CancelSql = """
        UPDATE messages SET status = @Cancelled, last_error = @Reason
        WHERE id = @Id AND cart_id = @CartId AND status = @Pending
        """;

    private const string RescheduleSql = "UPDATE messages SET due_at = @DueAt WHERE id = @Id AND cart_id = @CartId AND status = @Pending";

    // An offer whose code was issued stays as it is: the code went (or is going) out with the email.
    private const string ReplaceOfferSql = """
        UPDATE messages SET offer_kind = @Kind, offer_value = @Value, offer_valid_for_ms = @ValidForMs
        WHERE id = @Id AND cart_id = @CartId AND status = @Pending AND offer_code IS NULL
        """;

    private const string GetSql = "SELECT leave_reason FROM carts WHERE id = @CartId";

    private const string CountSql = """
        SELECT leave_reason AS Reason, COUNT(*) AS Carts FROM carts
        WHERE store_id = @StoreId AND leave_reason IS NOT NULL AND leave_reason_at >= @From AND leave_reason_at <= @Until
        GROUP BY leave_reason
        """;

    public async Task<bool> RecordAsync(GivenReason given, ReasonPlan plan, CartEvent timeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.CartId != given.CartId)
            throw new ArgumentException("The timeline entry belongs to another cart.", nameof(timeline));

        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        var recorded = await db.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            given.CartId, given.StoreId, Reason = (int)given.Reason, At = DbTime.ToDb(given.At),
        }, tx, cancellationToken: ct));
        if (recorded == 0)
            return false;

        await ApplyAsync(db, tx, given.CartId, plan, timeline, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task AnswerAsync(long cartId, ReasonPlan plan, CartEvent timeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.CartId != cartId)
            throw new ArgumentException("The timeline entry belongs to another cart.", nameof(timeline));

        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        await ApplyAsync(db, tx, cartId, plan, timeline, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task ApplyAsync(DbConnection db, DbTransaction tx, long cartId, ReasonPlan plan, CartEvent timeline, CancellationToken ct)
    {
        var pending = (int)MessageStatus.Pending;
        if (plan.Cancel.Count > 0)
            await db.ExecuteAsync(new CommandDefinition(CancelSql, plan.Cancel.Select(id => new
            {
                Id = id, CartId = cartId, Pending = pending, Cancelled = (int)MessageStatus.Cancelled, Reason = TimelineTexts.English(plan.CancelReason ?? plan.Timeline),
            }).ToList(), tx, cancellationToken: ct));
        if (plan.Reschedule.Count > 0)
            await db.ExecuteAsync(new CommandDefinition(RescheduleSql, plan.Reschedule.Select(p => new
            {
                Id = p.Key, CartId = cartId, Pending = pending, DueAt = DbTime.ToDb(p.Value),
            }).ToList(), tx, cancellationToken: ct));
        if (plan.ReplaceOffer.Count > 0)
            await db.ExecuteAsync(new CommandDefinition(ReplaceOfferSql, plan.ReplaceOffer.Select(p => new
            {
                Id = p.Key, CartId = cartId, Pending = pending, Kind = (int)p.Value.Kind, p.Value.Value, ValidForMs = DbTime.ToDbMs(p.Value.ValidFor),
            }).ToList(), tx, cancellationToken: ct));
        await CartEventWriter.AddAsync(db, tx, timeline, ct);
    }

    public async Task<LeaveReason?> GetAsync(long cartId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(GetSql, new { CartId = cartId }, cancellationToken: ct))
            is { } reason ? (LeaveReason)reason : null;
    }

    public async Task<IReadOnlyList<ReasonCount>> CountAsync(long storeId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(int Reason, long Carts)>(new CommandDefinition(CountSql, new
        {
            StoreId = storeId, From = DbTime.ToDb(from), Until = DbTime.ToDb(until),
        }, cancellationToken: ct));
        return rows.Select(r => new ReasonCount((LeaveReason)r.Reason, r.Carts)).OrderBy(r => r.Reason).ToList();
    }
}
