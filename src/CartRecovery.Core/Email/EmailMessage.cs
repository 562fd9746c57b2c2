namespace CartRecovery.Core.Email;

/// <summary>A fully composed email, ready for any transport.</summary>
public sealed record EmailMessage
{
    /// <summary>Our message id; transports use it to make a resend idempotent where they can.</summary>
    public required long MessageId { get; init; }
    public required string FromAddress { get; init; }
    public required string FromName { get; init; }
    public required string To { get; init; }
    public string? ToName { get; init; }
    public string? ReplyTo { get; init; }
    /// <summary>The provider stream to send on (Postmark), when the store has its own; null: the deployment's default.</summary>
    public string? MessageStream { get; init; }
    public required string Subject { get; init; }
    public required string HtmlBody { get; init; }
    public required string TextBody { get; init; }
    /// <summary>A stable RFC 5322 Message-ID (without angle brackets), the same on every attempt.</summary>
    public required string InternetMessageId { get; init; }
    /// <summary>
    /// HTTPS one-click unsubscribe URL, for <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post</c> (RFC 8058). Every
    /// recovery email has one; null for a transactional email (a sign-in link, an invitation), which is not a list.
    /// </summary>
    public string? UnsubscribeUrl { get; init; }
    /// <summary>Groups messages for the provider's statistics (the sequence step).</summary>
    public string? Tag { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A <see cref="MessageId"/> for an email that is not stored (a sign-in link, a test send). Recovery messages are
    /// numbered by the database; these take random ids far above any row id, so each has its own (the pickup transport
    /// names its files by id).
    /// </summary>
    public static long NewUnstoredId() => (BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) & long.MaxValue) | (1L << 61);
}
