using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Reasons;

/// <summary>The reasons customers gave for leaving their carts: one per cart, the first given.</summary>
public interface ILeaveReasonRepository
{
    /// <summary>
    /// Records <paramref name="given"/> unless the cart has a reason already and, in the same transaction, applies
    /// <paramref name="plan"/> to the cart's messages that are still Pending (cancel, reschedule, replace an offer not
    /// issued yet) and adds <paramref name="timeline"/>. False, with nothing written, when the cart had a reason.
    /// </summary>
    Task<bool> RecordAsync(GivenReason given, ReasonPlan plan, CartEvent timeline, CancellationToken ct);

    /// <summary>
    /// Applies <paramref name="plan"/> to the cart's Pending messages and adds <paramref name="timeline"/>, in one
    /// transaction, for a reason recorded before the cart had messages (answered once, when it enrols).
    /// </summary>
    Task AnswerAsync(long cartId, ReasonPlan plan, CartEvent timeline, CancellationToken ct);

    /// <summary>The reason recorded for the cart, if any.</summary>
    Task<LeaveReason?> GetAsync(long cartId, CancellationToken ct);

    /// <summary>How many of the store's carts got each reason from <paramref name="from"/> to <paramref name="until"/>, both included; reasons nobody gave are left out.</summary>
    Task<IReadOnlyList<ReasonCount>> CountAsync(long storeId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct);
}
