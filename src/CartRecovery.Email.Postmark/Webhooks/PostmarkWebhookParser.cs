using System.Globalization;
using System.Text.Json;

namespace CartRecovery.Email.Postmark.Webhooks;

/// <summary>
/// Reads Postmark's outbound webhook payloads. Tolerant by design: Postmark adds fields over time and leaves some out
/// (a reactivation has no MessageID), so a missing or oddly typed field reads as null rather than failing the event.
/// </summary>
internal static class PostmarkWebhookParser
{
    /// <summary>The event, or null when the body is not an object or its <c>RecordType</c> is not one we handle.</summary>
    public static PostmarkWebhookEvent? Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || String(payload, "RecordType") is not { } name
            // Exact names only: Enum.TryParse would also take "1" or "bounce".
            || !Enum.GetNames<PostmarkRecordType>().Contains(name, StringComparer.Ordinal))
            return null;

        var recordType = Enum.Parse<PostmarkRecordType>(name);

        // Bounce and SpamComplaint share the bounce shape, whose address field is "Email"; the others use "Recipient".
        var bounceShaped = recordType is PostmarkRecordType.Bounce or PostmarkRecordType.SpamComplaint;
        return new PostmarkWebhookEvent
        {
            RecordType = recordType,
            MessageId = String(payload, "MessageID"),
            Recipient = bounceShaped ? String(payload, "Email") ?? String(payload, "Recipient") : String(payload, "Recipient"),
            Tag = String(payload, "Tag"),
            Metadata = Metadata(payload),
            MessageStream = String(payload, "MessageStream"),
            ServerId = Int64(payload, "ServerID"),
            DeliveredAt = Time(payload, "DeliveredAt"),
            BouncedAt = Time(payload, "BouncedAt"),
            ReceivedAt = Time(payload, "ReceivedAt"),
            ChangedAt = Time(payload, "ChangedAt"),
            BounceId = bounceShaped ? Int64(payload, "ID") : null,
            BounceType = bounceShaped ? String(payload, "Type") : null,
            BounceTypeCode = bounceShaped ? (int?)Int64(payload, "TypeCode") : null,
            Inactive = Boolean(payload, "Inactive"),
            CanActivate = Boolean(payload, "CanActivate"),
            Details = String(payload, "Details"),
            FirstOpen = Boolean(payload, "FirstOpen"),
            Platform = String(payload, "Platform"),
            OriginalLink = String(payload, "OriginalLink"),
            ClickLocation = String(payload, "ClickLocation"),
            SuppressSending = Boolean(payload, "SuppressSending"),
            SuppressionReason = String(payload, "SuppressionReason"),
            Origin = String(payload, "Origin"),
        };
    }

    private static string? String(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Int64(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    private static bool? Boolean(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    // ISO 8601 with an offset or Z ("2019-11-05T16:33:54.9070259Z"); a value without one is taken as UTC.
    private static DateTimeOffset? Time(JsonElement payload, string name) =>
        String(payload, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static Dictionary<string, string> Metadata(JsonElement payload)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!payload.TryGetProperty("Metadata", out var value) || value.ValueKind != JsonValueKind.Object)
            return metadata;
        foreach (var field in value.EnumerateObject())
        {
            // Postmark stores metadata as strings; anything else is kept as its JSON text rather than dropped.
            metadata[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
        }
        return metadata;
    }
}
