using System.Text.RegularExpressions;
using Polly.Timeout;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// Postmark refused a request, or never answered it. Thrown by <see cref="PostmarkClient"/>; callers decide on retries
/// (the client already retried what was safe to retry).
/// </summary>
internal sealed partial class PostmarkApiException : Exception
{
    public PostmarkApiException(int? statusCode, int errorCode, string? apiMessage, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(Describe(statusCode, errorCode, apiMessage, inner), inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ApiMessage = apiMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status; 200 for a refused item of a batch; null when no answer came (timeout, connection failure).</summary>
    public int? StatusCode { get; }

    /// <summary>The API's <c>ErrorCode</c> (see <see cref="PostmarkErrorCodes"/>); 0 when the body had none.</summary>
    public int ErrorCode { get; }

    /// <summary>The API's <c>Message</c> (or a short excerpt of a non-JSON body). May name addresses: never log it as is.</summary>
    public string? ApiMessage { get; }

    /// <summary>A <c>Retry-After</c> the answer carried. Postmark documents none, so this is normally null.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>No answer arrived in time: Postmark may still have accepted the message.</summary>
    public bool IsTimeout => StatusCode is null && InnerException is TimeoutRejectedException or OperationCanceledException or TimeoutException;

    /// <summary>Worth trying again later: rate limited, maintenance, a 5xx, or no answer at all.</summary>
    public bool IsTransient =>
        StatusCode is null or 408 or 429 or >= 500
        || ErrorCode is PostmarkErrorCodes.Maintenance or PostmarkErrorCodes.RateLimitExceeded;

    /// <summary>The recipient is on the stream's suppression list (ErrorCode 406); sending again will never work.</summary>
    public bool IsInactiveRecipient => ErrorCode == PostmarkErrorCodes.InactiveRecipient;

    /// <summary>The server token is wrong, revoked or missing (HTTP 401 / ErrorCode 10): nothing can be sent until it is fixed.</summary>
    public bool IsBadToken => StatusCode == 401 || ErrorCode == PostmarkErrorCodes.BadOrMissingToken;

    /// <summary>Replaces anything shaped like an email address, so texts such as the 406 message can be logged.</summary>
    public static string RedactAddresses(string text) => AddressPattern().Replace(text, "[address]");

    private static string Describe(int? statusCode, int errorCode, string? apiMessage, Exception? inner)
    {
        var what = statusCode is null
            ? $"Postmark did not answer ({inner?.GetType().Name ?? "no response"})"
            : $"Postmark refused the request: HTTP {statusCode}, ErrorCode {errorCode}";
        return string.IsNullOrWhiteSpace(apiMessage) ? what + "." : $"{what}: {RedactAddresses(apiMessage)}";
    }

    [GeneratedRegex(@"[^\s@,;:<>""'()\[\]]+@[^\s@,;:<>""'()\[\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
