namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// The body of <c>POST /email</c> (and one item of <c>POST /email/batch</c>), limited to the fields we use. Property
/// names are the API's; unset fields are left out of the JSON.
/// See https://postmarkapp.com/developer/api/email-api.
/// </summary>
internal sealed record PostmarkMessage
{
    /// <summary>A confirmed sender signature or an address on a verified domain; <c>Name &lt;address&gt;</c> is allowed.</summary>
    public required string From { get; init; }

    /// <summary>Comma-separated recipients (at most 50 with Cc and Bcc); we always send to one.</summary>
    public required string To { get; init; }

    public string? Subject { get; init; }

    /// <summary>At least one of <see cref="HtmlBody"/> and <see cref="TextBody"/> is required.</summary>
    public string? HtmlBody { get; init; }

    public string? TextBody { get; init; }

    public string? ReplyTo { get; init; }

    public IReadOnlyList<PostmarkHeader>? Headers { get; init; }

    public bool? TrackOpens { get; init; }

    /// <summary><c>None</c>, <c>HtmlAndText</c>, <c>HtmlOnly</c> or <c>TextOnly</c>.</summary>
    public string? TrackLinks { get; init; }

    /// <summary>One category per message; Postmark echoes it in webhooks and groups statistics by it.</summary>
    public string? Tag { get; init; }

    /// <summary>String pairs echoed in every webhook about the message; keys must be unique ignoring case.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The stream ID; left out, Postmark uses the server's default transactional stream <c>outbound</c>.</summary>
    public string? MessageStream { get; init; }
}
