using System.Text.Json.Serialization;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>A message of the outbound search, with the fields we read (Postmark returns more).</summary>
internal sealed record PostmarkOutboundMessage
{
    [JsonPropertyName("MessageID")]
    public string? MessageId { get; init; }

    /// <summary>Postmark's state of the message, e.g. <c>Sent</c> or <c>Queued</c>: accepted either way.</summary>
    public string? Status { get; init; }

    public string? MessageStream { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
