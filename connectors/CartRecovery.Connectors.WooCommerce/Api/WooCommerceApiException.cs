using System.Net;
using CartRecovery.Core.Storefronts;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// A WooCommerce REST call that failed. WordPress answers errors as <c>{"code","message","data":{"status"}}</c>
/// (https://developer.wordpress.org/rest-api/using-the-rest-api/global-parameters/#_envelope, WooCommerce docs "Errors");
/// <see cref="ErrorCode"/> is that <c>code</c> (<c>woocommerce_rest_authentication_error</c>, <c>rest_invalid_param</c>, ...).
/// A call that got no answer (timeout, broken connection) has <see cref="StatusCode"/> 0.
/// </summary>
internal sealed class WooCommerceApiException : Exception, IPlatformApiFailure
{
    public WooCommerceApiException()
    {
    }

    public WooCommerceApiException(string message) : base(message)
    {
    }

    public WooCommerceApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public WooCommerceApiException(
        int statusCode,
        string? errorCode,
        string message,
        string? bodyExcerpt = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        BodyExcerpt = bodyExcerpt;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>WordPress's error <c>code</c>, when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The start of the response body, for the operator (never contains our credentials).</summary>
    public string? BodyExcerpt { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth trying again later: no answer, 408, 429 or a 5xx.</summary>
    public bool IsTransient => StatusCode is 0 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;

    /// <summary>The keys were refused or lack a permission (WooCommerce answers both with 401).</summary>
    public bool IsUnauthorized => StatusCode is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden;

    int? IPlatformApiFailure.StatusCode => StatusCode == 0 ? null : StatusCode;
}
