using System.Globalization;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>
/// Outbound webhook bodies shaped field for field like the examples on Postmark's webhook pages
/// (https://postmarkapp.com/developer/webhooks/…-webhook), filled with a recorded message's MessageID, recipient,
/// Tag, Metadata and stream. The soft bounce follows the hard-bounce example with the SoftBounce type from the bounce
/// types table. Tests may pass a hand-made <see cref="PostmarkEmulatorMessage"/> to simulate unknown messages.
/// </summary>
public static class PostmarkWebhookPayloads
{
    private const string UserAgent =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/35.0.1916.153 Safari/537.36";

    public static JsonObject Delivery(PostmarkEmulatorMessage message, DateTimeOffset at, long serverId = 23) => new()
    {
        ["RecordType"] = "Delivery",
        ["ServerID"] = serverId,
        ["MessageStream"] = message.MessageStream,
        ["MessageID"] = message.MessageId,
        ["Recipient"] = message.RecipientAddress,
        ["Tag"] = message.Tag,
        ["DeliveredAt"] = Time(at),
        ["Details"] = "smtp;250 2.0.0 OK",
        ["Metadata"] = Metadata(message),
    };

    /// <summary>A hard bounce deactivates the address (<c>Inactive: true</c>); a soft one does not.</summary>
    public static JsonObject Bounce(PostmarkEmulatorMessage message, DateTimeOffset at, bool hard = true, long serverId = 23) => new()
    {
        ["RecordType"] = "Bounce",
        ["MessageStream"] = message.MessageStream,
        ["ID"] = 4323372036854775807,
        ["Type"] = hard ? "HardBounce" : "SoftBounce",
        ["TypeCode"] = hard ? 1 : 4096,
        ["Name"] = hard ? "Hard bounce" : "Soft bounce",
        ["Tag"] = message.Tag,
        ["MessageID"] = message.MessageId,
        ["Metadata"] = Metadata(message),
        ["ServerID"] = serverId,
        ["Description"] = hard
            ? "The server was unable to deliver your message (ex: unknown user, mailbox not found)."
            : "Unable to temporarily deliver message (i.e. mailbox full, account disabled, exceeds quota, out of disk space).",
        ["Details"] = hard ? "smtp;550 5.1.1 The email account that you tried to reach does not exist." : "smtp;452 4.2.2 Mailbox full",
        ["Email"] = message.RecipientAddress,
        ["From"] = message.From,
        ["BouncedAt"] = Time(at),
        ["DumpAvailable"] = true,
        ["Inactive"] = hard,
        ["CanActivate"] = true,
        ["Subject"] = message.Subject,
        ["Content"] = "<Full dump of bounce>",
    };

    /// <summary>Postmark's own example carries TypeCode 512 (the SpamNotification code), so it is kept here.</summary>
    public static JsonObject SpamComplaint(PostmarkEmulatorMessage message, DateTimeOffset at, long serverId = 23) => new()
    {
        ["RecordType"] = "SpamComplaint",
        ["MessageStream"] = message.MessageStream,
        ["ID"] = 42,
        ["Type"] = "SpamComplaint",
        ["TypeCode"] = 512,
        ["Name"] = "Spam complaint",
        ["Tag"] = message.Tag,
        ["MessageID"] = message.MessageId,
        ["Metadata"] = Metadata(message),
        ["ServerID"] = serverId,
        ["Description"] = "",
        ["Details"] = "Test spam complaint details",
        ["Email"] = message.RecipientAddress,
        ["From"] = message.From,
        ["BouncedAt"] = Time(at),
        ["DumpAvailable"] = true,
        ["Inactive"] = true,
        ["CanActivate"] = false,
        ["Subject"] = message.Subject,
        ["Content"] = "<Abuse report dump>",
    };

    public static JsonObject Open(PostmarkEmulatorMessage message, DateTimeOffset at, bool firstOpen = true) => new()
    {
        ["RecordType"] = "Open",
        ["MessageStream"] = message.MessageStream,
        ["Metadata"] = Metadata(message),
        ["FirstOpen"] = firstOpen,
        ["Recipient"] = message.RecipientAddress,
        ["MessageID"] = message.MessageId,
        ["ReceivedAt"] = Time(at),
        ["Platform"] = "WebMail",
        ["ReadSeconds"] = 5,
        ["Tag"] = message.Tag,
        ["UserAgent"] = UserAgent,
        ["OS"] = new JsonObject { ["Name"] = "OS X 10.7 Lion", ["Family"] = "OS X 10", ["Company"] = "Apple Computer, Inc." },
        ["Client"] = new JsonObject { ["Name"] = "Chrome 35.0.1916.153", ["Family"] = "Chrome", ["Company"] = "Google" },
        ["Geo"] = Geo(),
    };

    public static JsonObject Click(PostmarkEmulatorMessage message, DateTimeOffset at, string originalLink) => new()
    {
        ["RecordType"] = "Click",
        ["MessageStream"] = message.MessageStream,
        ["ClickLocation"] = "HTML",
        ["Client"] = new JsonObject { ["Name"] = "Chrome 35.0.1916.153", ["Company"] = "Google", ["Family"] = "Chrome" },
        ["OS"] = new JsonObject { ["Name"] = "OS X 10.7 Lion", ["Company"] = "Apple Computer, Inc.", ["Family"] = "OS X 10" },
        ["Platform"] = "Desktop",
        ["UserAgent"] = UserAgent,
        ["OriginalLink"] = originalLink,
        ["Geo"] = Geo(),
        ["MessageID"] = message.MessageId,
        ["Metadata"] = Metadata(message),
        ["ReceivedAt"] = Time(at),
        ["Tag"] = message.Tag,
        ["Recipient"] = message.RecipientAddress,
    };

    /// <summary>
    /// A suppression-list change. Per the docs: an unsubscribe arrives as <c>ManualSuppression</c> with Origin
    /// <c>Recipient</c>; MessageID is null for suppressions made by the Customer or an Admin and for reactivations, and a
    /// reactivation (<paramref name="suppressSending"/> false) has no SuppressionReason or Tag and empty Metadata.
    /// </summary>
    public static JsonObject SubscriptionChange(PostmarkEmulatorMessage message, DateTimeOffset at, bool suppressSending = true,
        string? suppressionReason = "ManualSuppression", string origin = "Recipient", long serverId = 23)
    {
        var tiedToMessage = suppressSending && origin == "Recipient";
        return new JsonObject
        {
            ["RecordType"] = "SubscriptionChange",
            ["MessageID"] = tiedToMessage ? message.MessageId : null,
            ["ServerID"] = serverId,
            ["MessageStream"] = message.MessageStream,
            ["ChangedAt"] = Time(at),
            ["Recipient"] = message.RecipientAddress,
            ["Origin"] = origin,
            ["SuppressSending"] = suppressSending,
            ["SuppressionReason"] = suppressSending ? suppressionReason : null,
            ["Tag"] = suppressSending ? message.Tag : null,
            ["Metadata"] = suppressSending ? Metadata(message) : new JsonObject(),
        };
    }

    /// <summary>ISO 8601 in UTC with seven decimals, as in Postmark's samples ("2019-11-05T16:33:54.9070259Z").</summary>
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Metadata(PostmarkEmulatorMessage message)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in message.Metadata)
            metadata[key] = value;
        return metadata;
    }

    private static JsonObject Geo() => new()
    {
        ["IP"] = "188.2.95.4",
        ["City"] = "Novi Sad",
        ["Country"] = "Serbia",
        ["CountryISOCode"] = "RS",
        ["Region"] = "Autonomna Pokrajina Vojvodina",
        ["RegionISOCode"] = "VO",
        ["Zip"] = "21000",
        ["Coords"] = "45.2517,19.8369",
    };
}
