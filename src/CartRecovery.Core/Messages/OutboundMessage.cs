using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Messages;

/// <summary>
/// One planned step for one cart. The step's definition (kind, template, offer) is copied onto the message when
/// the cart enrols, so editing a sequence later never changes what was already scheduled.
/// </summary>
public sealed record OutboundMessage
{
    public long Id { get; init; }
    public required long StoreId { get; init; }
    public required long CartId { get; init; }
    public required int Step { get; init; }
    public required StepKind Kind { get; init; }
    public required string Template { get; init; }
    public OfferSpec? Offer { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public MessageStatus Status { get; init; } = MessageStatus.Pending;
    public int Attempts { get; init; }
    /// <summary>
    /// Claims in a row that recorded no outcome, this one included: every claim adds one, every outcome (sent, failed,
    /// retrying, released, cancelled) resets it. Above one, earlier attempts died mid-send.
    /// </summary>
    public int UnfinishedAttempts { get; init; }
    public string? LastError { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    /// <summary>Set once an offer code was issued for this message; a retry reuses it.</summary>
    public string? OfferCode { get; init; }
    public DateTimeOffset? OfferExpiresAt { get; init; }
    /// <summary>The address the message went to (kept so that opt-outs and metrics need no cart lookup).</summary>
    public string? Recipient { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? ProviderMessageId { get; init; }
    /// <summary>When the provider reported the message delivered to the recipient's server.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>The provider's latest reported state of a text (<see cref="Sms.SmsProviderStatus"/>), null before any report.</summary>
    public string? ProviderStatus { get; init; }
    /// <summary>First open reported by the provider (pixel tracking: a lower bound, images may be blocked).</summary>
    public DateTimeOffset? OpenedAt { get; init; }
    /// <summary>First click on the restore link of this message.</summary>
    public DateTimeOffset? ClickedAt { get; init; }
    /// <summary>The store's own sequence this message was planned from (null for a shipped preset).</summary>
    public long? SequenceId { get; init; }
    public int? SequenceVersion { get; init; }
    /// <summary>The A/B variant of the step this cart got, if the step has variants.</summary>
    public string? Variant { get; init; }
    /// <summary>Liquid source replacing the template's subject (the variant's subject).</summary>
    public string? SubjectOverride { get; init; }
}
