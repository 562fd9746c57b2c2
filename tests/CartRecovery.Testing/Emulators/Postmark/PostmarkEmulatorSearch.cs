using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>
/// The outbound message search, <c>GET /messages/outbound</c>, as documented: <c>count</c> (at most 500) and <c>offset</c>
/// are required and together stay within 10,000; optional filters <c>recipient</c>, <c>fromemail</c>, <c>tag</c>,
/// <c>status</c> (queued or sent), <c>subject</c>, <c>messagestream</c> and one <c>metadata_{key}</c> (Postmark searches a
/// single metadata field at a time). Matches come newest first as <c>{ TotalCount, Messages }</c>. Every accepted
/// emulator message counts as sent. Without <c>messagestream</c> every stream is searched (no stored Postmark page says
/// what the real API does then; our client always names the stream).
/// See https://postmarkapp.com/developer/api/messages-api and https://postmarkapp.com/support/article/1125-custom-metadata-faq.
/// </summary>
internal static class PostmarkEmulatorSearch
{
    public const int MaxCount = 500;
    public const int MaxWindow = 10_000;
    private const string MetadataPrefix = "metadata_";

    public static (int Status, string Body) Outbound(IQueryCollection query, IReadOnlyList<PostmarkEmulatorMessage> messages)
    {
        if (!TryInt(query, "count", out var count) || !TryInt(query, "offset", out var offset))
            return (422, PostmarkEmulatorRouter.Error(0, "The count and offset query parameters are required."));
        if (count is < 1 or > MaxCount || offset < 0 || count + offset > MaxWindow)
            return (422, PostmarkEmulatorRouter.Error(0, $"count must be 1 to {MaxCount}, and count + offset at most {MaxWindow}."));
        var metadata = query.Keys.Where(k => k.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (metadata.Count > 1)
            return (422, PostmarkEmulatorRouter.Error(0, "Only one metadata field can be searched at a time."));
        var status = Value(query, "status");
        if (status is not (null or "queued" or "sent"))
            return (422, PostmarkEmulatorRouter.Error(0, "status must be queued or sent."));

        IEnumerable<PostmarkEmulatorMessage> matches = messages.Reverse();
        if (status == "queued")
            matches = [];
        if (Value(query, "recipient") is { } recipient)
            matches = matches.Where(m => m.RecipientAddress.Equals(recipient, StringComparison.OrdinalIgnoreCase));
        if (Value(query, "fromemail") is { } from)
            matches = matches.Where(m => m.From.Contains(from, StringComparison.OrdinalIgnoreCase));
        if (Value(query, "tag") is { } tag)
            matches = matches.Where(m => m.Tag == tag);
        if (Value(query, "subject") is { } subject)
            matches = matches.Where(m => m.Subject == subject);
        if (Value(query, "messagestream") is { } stream)
            matches = matches.Where(m => m.MessageStream == stream);
        if (metadata.Count == 1 && Value(query, metadata[0]) is { } wanted)
        {
            var key = metadata[0][MetadataPrefix.Length..];
            matches = matches.Where(m => m.Metadata.TryGetValue(key, out var value) && value == wanted);
        }

        var all = matches.ToList();
        var page = new JsonArray([.. all.Skip(offset).Take(count).Select(Summary)]);
        return (200, new JsonObject { ["TotalCount"] = all.Count, ["Messages"] = page }.ToJsonString(PostmarkEmulatorRouter.Json));
    }

    private static JsonObject Summary(PostmarkEmulatorMessage m) => new()
    {
        ["Tag"] = m.Tag ?? "",
        ["MessageID"] = m.MessageId,
        ["MessageStream"] = m.MessageStream,
        ["To"] = new JsonArray(new JsonObject { ["Email"] = m.RecipientAddress, ["Name"] = null }),
        ["Cc"] = new JsonArray(),
        ["Bcc"] = new JsonArray(),
        ["Recipients"] = new JsonArray(m.RecipientAddress),
        ["ReceivedAt"] = m.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffffffK", CultureInfo.InvariantCulture),
        ["From"] = m.From,
        ["Subject"] = m.Subject ?? "",
        ["Attachments"] = new JsonArray(),
        ["Status"] = "Sent",
        ["TrackOpens"] = m.TrackOpens ?? false,
        ["TrackLinks"] = m.TrackLinks ?? "None",
        ["Metadata"] = new JsonObject([.. m.Metadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        ["Sandboxed"] = false,
    };

    private static string? Value(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static bool TryInt(IQueryCollection query, string key, out int value) =>
        int.TryParse(Value(query, key), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
