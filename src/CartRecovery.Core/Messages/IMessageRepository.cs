using CartRecovery.Core.Sequences;
namespace CartRecovery.Core.Messages;

/// <summary>
/// The due-message queue. Claims carry a lease: a dispatcher that dies leaves its claims to come back when the lease
/// runs out, and every write after a claim names the claimer, so a worker whose lease expired cannot overwrite a
/// newer claim.
/// </summary>
public interface IMessageRepository
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> messages that are Pending and due, oldest due first: sets Claimed, the
    /// claimer, the lease, attempts + 1 and unfinished attempts + 1, atomically. Every outcome below written by the
    /// claimer resets the unfinished attempts.
    /// </summary>
    Task<IReadOnlyList<OutboundMessage>> ClaimDueAsync(string claimer, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct);

    /// <summary>
    /// As <see cref="ClaimDueAsync"/>, for messages Claimed whose lease ran out (their claimer died or hung before any
    /// outcome), earliest lease end first. Each of them has unfinished attempts.
    /// </summary>
    Task<IReadOnlyList<OutboundMessage>> ClaimExpiredAsync(string claimer, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct);

    /// <summary>Claimed by <paramref name="claimer"/> → Sent. False when the claim was lost.</summary>
    Task<bool> MarkSentAsync(long messageId, string claimer, string? recipient, string? providerMessageId, DateTimeOffset sentAt, CancellationToken ct);

    /// <summary>
    /// Claimed by <paramref name="claimer"/> → Pending again at <paramref name="retryAt"/>, or Failed when it is null.
    /// </summary>
    Task<bool> MarkFailedAsync(long messageId, string claimer, string lastError, DateTimeOffset? retryAt, CancellationToken ct);

    /// <summary>Claimed by <paramref name="claimer"/> → Quarantined with <paramref name="reason"/>: never claimed again.</summary>
    Task<bool> QuarantineAsync(long messageId, string claimer, string reason, CancellationToken ct);

    /// <summary>How many messages are Quarantined, of these stores or (null) of all.</summary>
    Task<int> CountQuarantinedAsync(IReadOnlyCollection<long>? storeIds, CancellationToken ct);

    /// <summary>Claimed by <paramref name="claimer"/> → Cancelled (the cart no longer wants it).</summary>
    Task<bool> MarkCancelledAsync(long messageId, string claimer, string reason, CancellationToken ct);

    /// <summary>
    /// Stores the offer issued for a claimed message (the store's rules may have given another than the step's, e.g. a
    /// returning customer's), so a retry sends the same code and describes it the same way.
    /// </summary>
    Task<bool> SetOfferCodeAsync(long messageId, string claimer, OfferSpec offer, string code, DateTimeOffset expiresAt, CancellationToken ct);

    Task<OutboundMessage?> GetAsync(long messageId, CancellationToken ct);

    /// <summary>What a click on the message's links needs, with its cart, in one read; null when the message or its cart is not stored.</summary>
    Task<MessageLink?> GetLinkAsync(long messageId, CancellationToken ct);

    /// <summary>The cart's messages by step.</summary>
    Task<IReadOnlyList<OutboundMessage>> ListForCartAsync(long cartId, CancellationToken ct);

    /// <summary>The step of each cart's first email message (whatever its status); carts without one are left out.</summary>
    Task<IReadOnlyDictionary<long, int>> FirstEmailStepsAsync(IReadOnlyCollection<long> cartIds, CancellationToken ct);

    /// <summary>Claimed by <paramref name="claimer"/> → Pending at <paramref name="retryAt"/>, giving back the attempt (nothing was tried).</summary>
    Task<bool> ReleaseAsync(long messageId, string claimer, DateTimeOffset retryAt, CancellationToken ct);

    /// <summary>The message the provider knows by <paramref name="providerMessageId"/>, if any.</summary>
    Task<OutboundMessage?> FindByProviderIdAsync(string providerMessageId, CancellationToken ct);

    /// <summary>Records a provider delivery report (first one wins).</summary>
    Task<bool> RecordDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Sets the provider's reported state of a text when its current one is null or in <paramref name="replaces"/> (a late,
    /// earlier state never overwrites a later one), with <paramref name="lastError"/> when given. True when it changed.
    /// </summary>
    Task<bool> RecordProviderStatusAsync(long messageId, string status, IReadOnlyCollection<string> replaces, string? lastError, CancellationToken ct);

    /// <summary>Records the first open. True the first time, false after.</summary>
    Task<bool> RecordOpenAsync(long messageId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records the first click of a message's link. True the first time, false after.</summary>
    Task<bool> RecordClickAsync(long messageId, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// A followed link: <see cref="RecordClickAsync"/> at <paramref name="clicked"/>'s time and <paramref name="clicked"/> on
    /// the cart's timeline, stored together in one write of the shared commit (both or neither). True for the first click.
    /// </summary>
    Task<bool> RecordLinkFollowedAsync(long messageId, Carts.CartEvent clicked, CancellationToken ct);

    /// <summary>Cancels every Pending or Claimed message of the store (it was uninstalled). Returns how many.</summary>
    Task<int> CancelPendingForStoreAsync(long storeId, string reason, CancellationToken ct);

    /// <summary>
    /// How many emails (not follow-up tasks) the stores of <paramref name="storeIds"/> sent to each of <paramref name="emails"/>
    /// (matched trimmed and case-insensitively) at or after <paramref name="since"/>: what the frequency cap counts, for a
    /// dispatch batch's addresses in one read. Keyed by the trimmed, lower-case address; those sent none are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountEmailsSentAsync(IReadOnlyCollection<long> storeIds, IReadOnlyCollection<string> emails,
        DateTimeOffset since, CancellationToken ct);

    /// <summary>How many recovery emails (not follow-up tasks) the store sent in [<paramref name="start"/>, <paramref name="until"/>): what a plan counts.</summary>
    Task<long> CountStoreEmailsSentAsync(long storeId, DateTimeOffset start, DateTimeOffset until, CancellationToken ct);
}
