namespace CartRecovery.Email.Postmark;

/// <summary>The Postmark HTTP API transport (section <c>Postmark</c>).</summary>
public sealed class PostmarkOptions
{
    public const string Section = "Postmark";

    /// <summary>The server's API token (<c>X-Postmark-Server-Token</c>). A secret: set it through the environment.</summary>
    /// <remarks>Only required when the host sends through Postmark; <see cref="Sending.PostmarkClient"/> refuses to start without it.</remarks>
    public string ServerToken { get; set; } = "";

    /// <summary>The API's address; tests point it at the loopback emulator.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.postmarkapp.com/");

    /// <summary>
    /// The stream every recovery email is sent on. Recovery emails carry offers, which Postmark classes as promotional,
    /// and promotional mail on a transactional stream gets the server's sending paused; a broadcast stream is never a
    /// server's default, so it must be named on every send.
    /// See https://postmarkapp.com/support/article/1207-how-to-create-and-send-through-message-streams.
    /// </summary>
    public string MessageStream { get; set; } = "broadcast";

    /// <summary>Adds Postmark's open pixel to HTML bodies (opens count in the per-step metrics).</summary>
    public bool TrackOpens { get; set; } = true;

    /// <summary>One of <c>None</c>, <c>HtmlAndText</c>, <c>HtmlOnly</c>, <c>TextOnly</c>; clicks are the reliable recovery signal.</summary>
    public string TrackLinks { get; set; } = "HtmlOnly";

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a refusal Postmark documents as "try again later" (429, 503) or a connection that never opened.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles per attempt with jitter. Postmark sends no <c>Retry-After</c>, so the backoff is ours.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sends our stable RFC 5322 <c>Message-ID</c> as a custom header. Postmark generates one otherwise; no stored Postmark
    /// page confirms that the API keeps ours (users report it does), so it can be switched off if Postmark refuses it.
    /// </summary>
    public bool SendMessageIdHeader { get; set; } = true;

    /// <summary>
    /// Adds our RFC 8058 <c>List-Unsubscribe</c> headers. Postmark only keeps them on a broadcast stream switched to
    /// "Manage unsubscribes on your own"; otherwise it adds its own and ours cannot replace them.
    /// See https://postmarkapp.com/support/article/1299-how-to-include-a-list-unsubscribe-header.
    /// </summary>
    public bool SendListUnsubscribeHeaders { get; set; } = true;
}
