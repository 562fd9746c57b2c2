using System.Text.Json.Serialization;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// Postmark's answer for one message: the whole body of a single send, or one item of a batch answer. A batch item
/// that failed carries only <see cref="ErrorCode"/> and <see cref="Message"/>.
/// </summary>
internal sealed record PostmarkSendResult
{
    /// <summary>Postmark's message id (a GUID): every webhook about the message carries it. Persist it.</summary>
    [JsonPropertyName("MessageID")]
    public string? MessageId { get; init; }

    public string? To { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>0 when Postmark accepted the message; see <see cref="PostmarkErrorCodes"/>.</summary>
    public int ErrorCode { get; init; }

    /// <summary>"OK", or why the message was refused. May name recipient addresses: keep it out of logs.</summary>
    public string? Message { get; init; }

    [JsonIgnore]
    public bool Succeeded => ErrorCode == PostmarkErrorCodes.Ok && !string.IsNullOrEmpty(MessageId);
}
