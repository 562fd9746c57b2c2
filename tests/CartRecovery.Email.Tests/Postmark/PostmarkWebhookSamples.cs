namespace CartRecovery.Email.Tests.Postmark;

/// <summary>
/// The example payloads of Postmark's webhook pages (https://postmarkapp.com/developer/webhooks/…), kept verbatim where
/// a stored page showed them (SpamComplaint, SubscriptionChange) and in their documented shape otherwise. The soft bounce
/// and the reactivation are the documented shapes with the values the docs describe for those cases.
/// </summary>
internal static class PostmarkWebhookSamples
{
    public const string Delivery = """
        {
          "RecordType": "Delivery",
          "ServerID": 23,
          "MessageStream": "outbound",
          "MessageID": "00000000-0000-0000-0000-000000000000",
          "Recipient": "john@example.com",
          "Tag": "welcome-email",
          "DeliveredAt": "2019-11-05T16:33:54.9070259Z",
          "Details": "Test delivery webhook details",
          "Metadata": { "a_key": "a_value", "b_key": "b_value" }
        }
        """;

    public const string HardBounce = """
        {
          "RecordType": "Bounce",
          "MessageStream": "outbound",
          "ID": 4323372036854775807,
          "Type": "HardBounce",
          "TypeCode": 1,
          "Name": "Hard bounce",
          "Tag": "Test",
          "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
          "Metadata": { "a_key": "a_value", "b_key": "b_value" },
          "ServerID": 23,
          "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
          "Details": "Test bounce details",
          "Email": "john@example.com",
          "From": "sender@example.com",
          "BouncedAt": "2019-11-05T16:33:54.9070259Z",
          "DumpAvailable": true,
          "Inactive": true,
          "CanActivate": true,
          "Subject": "Test subject",
          "Content": "<Full dump of bounce>"
        }
        """;

    public const string SoftBounce = """
        {
          "RecordType": "Bounce",
          "MessageStream": "outbound",
          "ID": 4323372036854775808,
          "Type": "SoftBounce",
          "TypeCode": 4096,
          "Name": "Soft bounce",
          "Tag": "Test",
          "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
          "Metadata": { "a_key": "a_value" },
          "ServerID": 23,
          "Description": "Unable to temporarily deliver message (i.e. mailbox full, account disabled, exceeds quota, out of disk space).",
          "Details": "Test bounce details",
          "Email": "john@example.com",
          "From": "sender@example.com",
          "BouncedAt": "2019-11-05T16:33:54.9070259Z",
          "DumpAvailable": true,
          "Inactive": false,
          "CanActivate": true,
          "Subject": "Test subject"
        }
        """;

    public const string SpamComplaint = """
        {
          "RecordType": "SpamComplaint",
          "MessageStream": "outbound",
          "ID": 42,
          "Type": "SpamComplaint",
          "TypeCode": 512,
          "Name": "Spam complaint",
          "Tag": "Test",
          "MessageID": "00000000-0000-0000-0000-000000000000",
          "Metadata" : { "a_key" : "a_value", "b_key": "b_value" },
          "ServerID": 1234,
          "Description": "",
          "Details": "Test spam complaint details",
          "Email": "john@example.com",
          "From": "sender@example.com",
          "BouncedAt": "2019-11-05T16:33:54.9070259Z",
          "DumpAvailable": true,
          "Inactive": true,
          "CanActivate": false,
          "Subject": "Test subject",
          "Content": "<Abuse report dump>"
        }
        """;

    public const string Open = """
        {
          "RecordType": "Open",
          "MessageStream": "outbound",
          "Metadata": { "a_key": "a_value", "b_key": "b_value" },
          "FirstOpen": true,
          "Recipient": "john@example.com",
          "MessageID": "00000000-0000-0000-0000-000000000000",
          "ReceivedAt": "2019-11-05T16:33:54.9070259Z",
          "Platform": "WebMail",
          "ReadSeconds": 5,
          "Tag": "welcome-email",
          "UserAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/35.0.1916.153 Safari/537.36",
          "OS": { "Name": "OS X 10.7 Lion", "Family": "OS X 10", "Company": "Apple Computer, Inc." },
          "Client": { "Name": "Chrome 35.0.1916.153", "Family": "Chrome", "Company": "Google" },
          "Geo": { "IP": "188.2.95.4", "City": "Novi Sad", "Country": "Serbia", "CountryISOCode": "RS", "Region": "Autonomna Pokrajina Vojvodina", "RegionISOCode": "VO", "Zip": "21000", "Coords": "45.2517,19.8369" }
        }
        """;

    public const string Click = """
        {
          "RecordType": "Click",
          "MessageStream": "outbound",
          "ClickLocation": "HTML",
          "Client": { "Name": "Chrome 35.0.1916.153", "Company": "Google", "Family": "Chrome" },
          "OS": { "Name": "OS X 10.7 Lion", "Company": "Apple Computer, Inc.", "Family": "OS X 10" },
          "Platform": "Desktop",
          "UserAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/35.0.1916.153 Safari/537.36",
          "OriginalLink": "https://example.com",
          "Geo": { "CountryISOCode": "RS", "Country": "Serbia", "RegionISOCode": "VO", "Region": "Autonomna Pokrajina Vojvodina", "City": "Novi Sad", "Zip": "21000", "Coords": "45.2517,19.8369", "IP": "8.8.8.8" },
          "MessageID": "00000000-0000-0000-0000-000000000000",
          "Metadata": { "a_key": "a_value", "b_key": "b_value" },
          "ReceivedAt": "2017-10-25T15:21:11.9065619Z",
          "Tag": "welcome-email",
          "Recipient": "john@example.com"
        }
        """;

    public const string SubscriptionChange = """
        {
          "RecordType": "SubscriptionChange",
          "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
          "ServerID": 123456,
          "MessageStream": "outbound",
          "ChangedAt": "2020-02-01T10:53:34.416071Z",
          "Recipient": "bounced-address@wildbit.com",
          "Origin": "Recipient",
          "SuppressSending": true,
          "SuppressionReason": "HardBounce",
          "Tag": "my-tag",
          "Metadata": { "example": "value", "example_2": "value" }
        }
        """;

    public const string Reactivation = """
        {
          "RecordType": "SubscriptionChange",
          "MessageID": null,
          "ServerID": 123456,
          "MessageStream": "broadcast",
          "ChangedAt": "2020-02-01T10:53:34.416071Z",
          "Recipient": "bounced-address@wildbit.com",
          "Origin": "Customer",
          "SuppressSending": false,
          "SuppressionReason": null,
          "Tag": null,
          "Metadata": {}
        }
        """;
}
