namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// The API <c>ErrorCode</c> values we act on. Most arrive with HTTP 422; inside a batch answer they arrive per item with
/// HTTP 200. See https://postmarkapp.com/developer/api/overview#error-codes.
/// </summary>
internal static class PostmarkErrorCodes
{
    public const int Ok = 0;

    /// <summary>Bad or missing API token (HTTP 401).</summary>
    public const int BadOrMissingToken = 10;

    /// <summary>The API is offline for maintenance.</summary>
    public const int Maintenance = 100;

    /// <summary>Invalid email request: bad address, no body, too many recipients, unverified From... (read the message).</summary>
    public const int InvalidEmailRequest = 300;

    public const int SenderSignatureNotFound = 400;
    public const int SenderSignatureNotConfirmed = 401;
    public const int InvalidJson = 402;
    public const int IncompatibleJson = 403;

    /// <summary>The account may not send (out of credits, sending limits).</summary>
    public const int NotAllowedToSend = 405;

    /// <summary>The recipient is on the stream's suppression list: hard bounce, spam complaint or manual suppression/unsubscribe.</summary>
    public const int InactiveRecipient = 406;

    public const int JsonRequired = 409;

    /// <summary>More than 500 messages in one batch.</summary>
    public const int TooManyBatchMessages = 410;

    public const int ForbiddenAttachmentType = 411;
    public const int AccountPending = 412;
    public const int AccountMayNotSend = 413;
    public const int RateLimitExceeded = 429;

    /// <summary>The <c>MessageStream</c> does not exist on this server ("The stream provided: 'x' does not exist on this server.").</summary>
    public const int MessageStreamNotFound = 1235;

    /// <summary>The stream cannot send (an inbound stream).</summary>
    public const int StreamTypeCannotSend = 1236;
}
