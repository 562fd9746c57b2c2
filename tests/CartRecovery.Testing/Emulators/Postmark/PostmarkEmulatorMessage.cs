using System.Net.Mail;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>A message the emulated API accepted, as it was submitted.</summary>
public sealed record PostmarkEmulatorMessage
{
    /// <summary>The MessageID the emulator answered with, and that its webhooks carry.</summary>
    public required string MessageId { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The server token the message was sent with (tests give each sender its own to tell them apart).</summary>
    public string? ServerToken { get; init; }

    public required string From { get; init; }

    /// <summary>The <c>To</c> value exactly as submitted (it may hold a display name).</summary>
    public required string To { get; init; }

    public string? Subject { get; init; }

    public string? HtmlBody { get; init; }

    public string? TextBody { get; init; }

    public string? ReplyTo { get; init; }

    /// <summary>The stream the message went to: the submitted one, or <c>outbound</c> when none was named.</summary>
    public required string MessageStream { get; init; }

    /// <summary>Whether the request named the stream itself (a broadcast send must).</summary>
    public bool MessageStreamWasSet { get; init; }

    public string? Tag { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>Headers</c> array, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public bool? TrackOpens { get; init; }

    public string? TrackLinks { get; init; }

    /// <summary>The submitted JSON object, for fields the properties above leave out.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>The bare address of the (first) recipient.</summary>
    public string RecipientAddress => new MailAddressCollection { To }[0].Address;

    /// <summary>The first header with that name (ignoring case), or null.</summary>
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
