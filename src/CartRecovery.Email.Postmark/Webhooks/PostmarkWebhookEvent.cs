namespace CartRecovery.Email.Postmark.Webhooks;

/// <summary>
/// One outbound webhook event, read by <see cref="PostmarkWebhookParser"/>. Common fields first, then those of each
/// record type (null when the type has none). See https://postmarkapp.com/developer/webhooks/webhooks-overview.
/// </summary>
internal sealed record PostmarkWebhookEvent
{
    public required PostmarkRecordType RecordType { get; init; }

    /// <summary>Postmark's MessageID of the email; null for manual suppressions and reactivations (SubscriptionChange).</summary>
    public string? MessageId { get; init; }

    /// <summary>The address concerned: <c>Recipient</c>, or <c>Email</c> for Bounce and SpamComplaint.</summary>
    public string? Recipient { get; init; }

    public string? Tag { get; init; }

    /// <summary>The Metadata sent with the email (our message and cart ids); empty on reactivations.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? MessageStream { get; init; }

    public long? ServerId { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When the bounce or complaint was recorded.</summary>
    public DateTimeOffset? BouncedAt { get; init; }

    /// <summary>When the open or click happened.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the suppression list changed.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The event's own time, whichever field its record type uses.</summary>
    public DateTimeOffset? OccurredAt => DeliveredAt ?? BouncedAt ?? ReceivedAt ?? ChangedAt;

    /// <summary>Bounce/complaint id (<c>ID</c>) for the Bounces API.</summary>
    public long? BounceId { get; init; }

    /// <summary>Bounce <c>Type</c>, e.g. <c>HardBounce</c>, <c>SoftBounce</c>, <c>SpamComplaint</c>; store it as text.</summary>
    public string? BounceType { get; init; }

    /// <summary>Bounce <c>TypeCode</c>; 1 is a hard bounce. Postmark's own sample complaint carries 512, so the text is what counts.</summary>
    public int? BounceTypeCode { get; init; }

    /// <summary>Postmark deactivated the address on this stream: later sends to it get ErrorCode 406.</summary>
    public bool? Inactive { get; init; }

    /// <summary>The address may be reactivated through the Bounces API (not after a spam complaint).</summary>
    public bool? CanActivate { get; init; }

    /// <summary>The receiving server's answer (Delivery) or the bounce details.</summary>
    public string? Details { get; init; }

    public bool? FirstOpen { get; init; }

    /// <summary><c>Desktop</c>, <c>Mobile</c>, <c>WebMail</c> or <c>Unknown</c> (Open, Click).</summary>
    public string? Platform { get; init; }

    public string? OriginalLink { get; init; }

    /// <summary><c>HTML</c> or <c>Text</c>.</summary>
    public string? ClickLocation { get; init; }

    /// <summary>True: now suppressed; false: reactivated.</summary>
    public bool? SuppressSending { get; init; }

    /// <summary><c>HardBounce</c>, <c>SpamComplaint</c> or <c>ManualSuppression</c> (an unsubscribe is a ManualSuppression); null on reactivation.</summary>
    public string? SuppressionReason { get; init; }

    /// <summary><c>Recipient</c>, <c>Customer</c> or <c>Admin</c>: who changed the subscription.</summary>
    public string? Origin { get; init; }

    /// <summary>A bounce Postmark classes as permanent: <c>HardBounce</c> (TypeCode 1) or <c>BadEmailAddress</c> (100000).</summary>
    public bool IsHardBounce => RecordType == PostmarkRecordType.Bounce
        && (BounceTypeCode is 1 or 100000
            || string.Equals(BounceType, "HardBounce", StringComparison.OrdinalIgnoreCase)
            || string.Equals(BounceType, "BadEmailAddress", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The address must not be emailed again on this stream: a hard bounce, any bounce that made Postmark deactivate the
    /// address (<c>Inactive</c>), a manual deactivation, any spam complaint, or a suppression-list addition. Soft bounces,
    /// delays and auto-replies are not enough.
    /// </summary>
    public bool ShouldSuppress => RecordType switch
    {
        PostmarkRecordType.Bounce => IsHardBounce || Inactive == true
            || string.Equals(BounceType, "ManuallyDeactivated", StringComparison.OrdinalIgnoreCase)
            || string.Equals(BounceType, "SpamComplaint", StringComparison.OrdinalIgnoreCase),
        PostmarkRecordType.SpamComplaint => true,
        PostmarkRecordType.SubscriptionChange => SuppressSending == true,
        _ => false,
    };

    /// <summary>The address was taken off the stream's suppression list (reactivated or re-subscribed).</summary>
    public bool ShouldUnsuppress => RecordType == PostmarkRecordType.SubscriptionChange && SuppressSending == false;
}
