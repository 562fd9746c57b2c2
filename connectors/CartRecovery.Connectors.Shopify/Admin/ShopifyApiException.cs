using CartRecovery.Core.Storefronts;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>
/// A failed call to Shopify (Admin GraphQL API or OAuth endpoint). <see cref="IsTransient"/> tells callers whether trying
/// again later can help (429, 5xx, timeouts, throttling); 401/403 and GraphQL user errors never are.
/// </summary>
internal sealed class ShopifyApiException : Exception, IPlatformApiFailure
{
    public ShopifyApiException()
    {
    }

    public ShopifyApiException(string message)
        : base(message)
    {
    }

    public ShopifyApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ShopifyApiException(
        string message,
        int? statusCode,
        bool isTransient,
        string? requestId = null,
        string? bodyExcerpt = null,
        TimeSpan? retryAfter = null,
        string? errorCode = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RequestId = requestId;
        BodyExcerpt = bodyExcerpt;
        RetryAfter = retryAfter;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status, or null when no response arrived (connection failure, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>True when the same call may succeed later (429, 5xx, timeout, THROTTLED).</summary>
    public bool IsTransient { get; }

    /// <summary>Shopify's <c>X-Request-Id</c>: quote it to Shopify support.</summary>
    public string? RequestId { get; }

    /// <summary>The first few hundred characters of the response body.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>How long Shopify asked us to wait, when it said so (Retry-After, or the throttle bucket's refill time).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The GraphQL <c>extensions.code</c> or user-error code (<c>THROTTLED</c>, <c>ACCESS_DENIED</c>, <c>TAKEN</c>...).</summary>
    public string? ErrorCode { get; }
}
