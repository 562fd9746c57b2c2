namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>How the emulated Postmark server is set up.</summary>
public sealed class PostmarkEmulatorOptions
{
    /// <summary>Server tokens the API accepts (compared ignoring case, as Postmark documents for header values).</summary>
    public ISet<string> ServerTokens { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { PostmarkEmulator.DefaultServerToken };

    /// <summary>
    /// The server's message streams, ID to type (<c>Transactional</c>, <c>Broadcasts</c>, <c>Inbound</c>). Every server has
    /// <c>outbound</c> (the default when a message names none) and <c>inbound</c>; <c>broadcast</c> stands for the stream
    /// a merchant creates for promotional mail.
    /// </summary>
    public IDictionary<string, string> Streams { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["outbound"] = "Transactional",
        ["broadcast"] = "Broadcasts",
        ["inbound"] = "Inbound",
    };

    /// <summary>The <c>ServerID</c> webhooks carry.</summary>
    public long ServerId { get; set; } = 23;

    /// <summary>
    /// How long every send takes to be answered after it was accepted (the way back of a real network). A client that
    /// gives up or dies meanwhile leaves an accepted message behind, as with the real API.
    /// </summary>
    public TimeSpan SendLatency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether requests and messages are remembered whole (bodies, submitted JSON). A benchmark sending 100,000 emails
    /// turns it off: messages are then recorded with their ids, addresses, stream and metadata only.
    /// </summary>
    public bool KeepContent { get; set; } = true;

    /// <summary>Clock of <c>SubmittedAt</c> and of webhook timestamps.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
