using Polly.Timeout;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// Which failed attempts the HTTP pipeline tries again. Postmark has no idempotency key, so a POST that reached
/// Postmark must never be replayed blindly: a second <c>POST /email</c> after an accepted first one emails the
/// customer twice. A POST is therefore retried only when Postmark cannot have accepted it:
/// <list type="bullet">
/// <item>429 (rate limited) and 503 (unavailable, maintenance): Postmark refused the whole request.</item>
/// <item>a connection that never opened (DNS failure, refused, connect timeout): nothing was sent.</item>
/// </list>
/// A 500 is not retried here: Postmark says the message is lost "in most cases", not always. An attempt that timed out
/// after the request went out is not retried either. Both surface as transient <see cref="PostmarkApiException"/>s and
/// the dispatcher retries later with its own backoff (where a rare duplicate is an accepted, documented risk).
/// Idempotent requests (GET) are also retried on 408, any 5xx, attempt timeouts and broken connections.
/// See https://postmarkapp.com/developer/api/overview#response-codes.
/// </summary>
internal static class PostmarkRetryRules
{
    public static bool ShouldRetry(HttpMethod? method, HttpResponseMessage? response, Exception? error, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
            return false;
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Head;
        if (response is not null)
        {
            var status = (int)response.StatusCode;
            return status is 429 or 503 || (idempotent && status is 408 or >= 500);
        }
        return error switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => true,
            // SocketsHttpHandler reports its ConnectTimeout as a cancellation wrapping a TimeoutException: no byte was sent.
            OperationCanceledException { InnerException: TimeoutException } => true,
            TimeoutRejectedException or HttpRequestException => idempotent,
            _ => false,
        };
    }
}
