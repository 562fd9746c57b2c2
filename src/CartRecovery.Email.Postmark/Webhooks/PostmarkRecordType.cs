namespace CartRecovery.Email.Postmark.Webhooks;

/// <summary>The outbound webhook events Postmark posts, named by the payload's <c>RecordType</c>.</summary>
internal enum PostmarkRecordType
{
    /// <summary>The receiving server accepted the message (not "read").</summary>
    Delivery,

    /// <summary>A bounce. Only transactional streams post these; a broadcast stream reports suppressions as SubscriptionChange.</summary>
    Bounce,

    /// <summary>The recipient marked the message as spam. Transactional streams only, like Bounce.</summary>
    SpamComplaint,

    /// <summary>An open of the tracking pixel (inflated by Apple Mail Privacy Protection).</summary>
    Open,

    /// <summary>The first click of a tracked link by a recipient.</summary>
    Click,

    /// <summary>The address was added to (<c>SuppressSending: true</c>) or removed from the stream's suppression list.</summary>
    SubscriptionChange,
}
