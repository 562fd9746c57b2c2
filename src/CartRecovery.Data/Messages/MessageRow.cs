using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Data.Messages;

/// <summary>One row of <c>messages</c>; instants are unix milliseconds, the offer's validity milliseconds.</summary>
internal sealed class MessageRow
{
    public const string Columns = """
        id, store_id, cart_id, step, kind, template, offer_kind, offer_value, offer_valid_for_ms, due_at, status,
        attempts, last_error, claimed_by, lease_until, offer_code, offer_expires_at, recipient, sent_at,
        provider_message_id, clicked_at, delivered_at, opened_at, sequence_id, sequence_version, variant, subject_override,
        unfinished_attempts, provider_status
        """;

    /// <summary>Schedules a planned message; the (cart_id, step) key makes a repeated plan a no-op.</summary>
    public const string InsertSql = """
        INSERT INTO messages (store_id, cart_id, step, kind, template, offer_kind, offer_value, offer_valid_for_ms,
                              due_at, status, attempts, sequence_id, sequence_version, variant, subject_override)
        VALUES (@StoreId, @CartId, @Step, @Kind, @Template, @OfferKind, @OfferValue, @OfferValidForMs,
                @DueAt, @Status, @Attempts, @SequenceId, @SequenceVersion, @Variant, @SubjectOverride)
        """;

    public long Id { get; set; }
    public long StoreId { get; set; }
    public long CartId { get; set; }
    public int Step { get; set; }
    public int Kind { get; set; }
    public string Template { get; set; } = "";
    public int? OfferKind { get; set; }
    public long? OfferValue { get; set; }
    public long? OfferValidForMs { get; set; }
    public long DueAt { get; set; }
    public int Status { get; set; }
    public int Attempts { get; set; }
    public int UnfinishedAttempts { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public long? LeaseUntil { get; set; }
    public string? OfferCode { get; set; }
    public long? OfferExpiresAt { get; set; }
    public string? Recipient { get; set; }
    public long? SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
    public long? ClickedAt { get; set; }
    public long? DeliveredAt { get; set; }
    public long? OpenedAt { get; set; }
    public string? ProviderStatus { get; set; }
    public long? SequenceId { get; set; }
    public long? SequenceVersion { get; set; }
    public string? Variant { get; set; }
    public string? SubjectOverride { get; set; }

    public static MessageRow From(OutboundMessage message) => new()
    {
        Id = message.Id,
        StoreId = message.StoreId,
        CartId = message.CartId,
        Step = message.Step,
        Kind = (int)message.Kind,
        Template = message.Template,
        OfferKind = message.Offer is { } offer ? (int)offer.Kind : null,
        OfferValue = message.Offer?.Value,
        OfferValidForMs = message.Offer is { } o ? DbTime.ToDbMs(o.ValidFor) : null,
        DueAt = DbTime.ToDb(message.DueAt),
        Status = (int)message.Status,
        Attempts = message.Attempts,
        UnfinishedAttempts = message.UnfinishedAttempts,
        LastError = message.LastError,
        ClaimedBy = message.ClaimedBy,
        LeaseUntil = DbTime.ToDb(message.LeaseUntil),
        OfferCode = message.OfferCode,
        OfferExpiresAt = DbTime.ToDb(message.OfferExpiresAt),
        Recipient = message.Recipient,
        SentAt = DbTime.ToDb(message.SentAt),
        ProviderMessageId = message.ProviderMessageId,
        ClickedAt = DbTime.ToDb(message.ClickedAt),
        DeliveredAt = DbTime.ToDb(message.DeliveredAt),
        OpenedAt = DbTime.ToDb(message.OpenedAt),
        ProviderStatus = message.ProviderStatus,
        SequenceId = message.SequenceId,
        SequenceVersion = message.SequenceVersion,
        Variant = message.Variant,
        SubjectOverride = message.SubjectOverride,
    };

    public OutboundMessage ToMessage() => new()
    {
        Id = Id,
        StoreId = StoreId,
        CartId = CartId,
        Step = Step,
        Kind = (StepKind)Kind,
        Template = Template,
        Offer = OfferKind is { } kind
            ? new OfferSpec((Core.Sequences.OfferKind)kind, OfferValue ?? 0, DbTime.FromDbMs(OfferValidForMs ?? 0))
            : null,
        DueAt = DbTime.FromDb(DueAt),
        Status = (MessageStatus)Status,
        Attempts = Attempts,
        UnfinishedAttempts = UnfinishedAttempts,
        LastError = LastError,
        ClaimedBy = ClaimedBy,
        LeaseUntil = DbTime.FromDb(LeaseUntil),
        OfferCode = OfferCode,
        OfferExpiresAt = DbTime.FromDb(OfferExpiresAt),
        Recipient = Recipient,
        SentAt = DbTime.FromDb(SentAt),
        ProviderMessageId = ProviderMessageId,
        ClickedAt = DbTime.FromDb(ClickedAt),
        DeliveredAt = DbTime.FromDb(DeliveredAt),
        OpenedAt = DbTime.FromDb(OpenedAt),
        ProviderStatus = ProviderStatus,
        SequenceId = SequenceId,
        SequenceVersion = SequenceVersion is { } version ? (int)version : null,
        Variant = Variant,
        SubjectOverride = SubjectOverride,
    };
}
