using System.Net.Mail;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>
/// Checks one message the way <c>POST /email</c> does, returning Postmark's ErrorCode and Message on refusal. Wire texts
/// come from Postmark's docs and official client tests where known (406, 1235); the 300 texts are those Postmark
/// clients match on ("Zero recipients specified", "Provide either email TextBody or HtmlBody or both.").
/// </summary>
internal static class PostmarkEmulatorValidation
{
    public const int MaxRecipients = 50;

    public static (int ErrorCode, string Message)? Check(JsonObject message, PostmarkEmulatorOptions options, ISet<string> inactive)
    {
        if (Text(message, "From") is not { } from || !TryParse(from, out var senders) || senders.Count != 1)
            return (300, "Invalid 'From' value.");

        var recipients = new List<MailAddress>();
        foreach (var field in (string[])["To", "Cc", "Bcc"])
        {
            if (Text(message, field) is not { } value)
                continue;
            if (!TryParse(value, out var parsed))
                return (300, $"Error parsing '{field}'.");
            recipients.AddRange(parsed);
        }
        if (recipients.Count == 0)
            return (300, "Zero recipients specified");
        if (recipients.Count > MaxRecipients)
            return (300, $"You may not send to more than {MaxRecipients} recipients in one message.");
        if (Text(message, "HtmlBody") is null && Text(message, "TextBody") is null)
            return (300, "Provide either email TextBody or HtmlBody or both.");

        var stream = Text(message, "MessageStream") ?? "outbound";
        if (!options.Streams.TryGetValue(stream, out var type))
            return (1235, $"The stream provided: '{stream}' does not exist on this server.");
        if (string.Equals(type, "Inbound", StringComparison.Ordinal))
            return (1236, "Sending is not supported on the supplied 'MessageStream'.");

        var blocked = recipients.Select(r => r.Address).Where(inactive.Contains).ToList();
        if (blocked.Count > 0)
        {
            return (406, "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: "
                + string.Join(", ", blocked)
                + ". Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.");
        }
        return null;
    }

    /// <summary>A non-empty string field, or null.</summary>
    public static string? Text(JsonObject message, string name) =>
        message[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool TryParse(string value, out MailAddressCollection addresses)
    {
        addresses = [];
        try
        {
            addresses.Add(value);
            return addresses.Count > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
