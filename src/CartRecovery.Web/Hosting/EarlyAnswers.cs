using CartRecovery.Web.Features.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// Endpoints that answer right after the security headers, the exception handler and the status-code pages, before the
/// middleware that serves people and API callers (static files, page language, rate limits, authentication, the API
/// caller gate, authorization): the paths a burst follows, which should cost what the work needs (issue 17).
/// <list type="bullet">
/// <item>The restore links, marked with <see cref="AnswersEarly{TBuilder}"/>: a signed token in the path is their only
/// credential, their pages carry their own body and are in English only, and a whole mailing list follows them.</item>
/// <item>The platforms' webhooks, <c>POST /webhooks/…</c> whichever project maps them (the connectors, Postmark): a
/// delivery proves itself in its handler (the platform's HMAC, Postmark's basic credentials), and a flash sale or a
/// replayed backlog sends thousands a second.</item>
/// </list>
/// Routing has already chosen the endpoint when this runs.
/// </summary>
internal static class EarlyAnswers
{
    /// <summary>Marks the endpoint to answer early; refuses at start-up one that asks for authorization or a rate limit, which it would skip.</summary>
    public static TBuilder AnswersEarly<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Add(e => e.Metadata.Add(EarlyAnswer.Instance));
        endpoint.Finally(e =>
        {
            if (e.Metadata.Any(m => m is IAuthorizeData or EnableRateLimitingAttribute))
                throw new InvalidOperationException($"{e.DisplayName} answers early and so would skip its authorization or rate limit.");
        });
        return endpoint;
    }

    /// <summary>Runs the chosen endpoint at once when it answers early; every other request goes on down the pipeline.</summary>
    public static IApplicationBuilder UseEarlyAnswers(this IApplicationBuilder app) =>
        app.Use((http, next) => http.GetEndpoint() is { RequestDelegate: { } answer } endpoint && IsEarly(endpoint)
            ? answer(http)
            : next(http));

    /// <summary>Marked, or a webhook (a route under <c>/webhooks/</c>).</summary>
    public static bool IsEarly(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<EarlyAnswer>() is not null
        || endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } && WebhookRoutes.IsWebhook(pattern);

    private sealed class EarlyAnswer
    {
        public static readonly EarlyAnswer Instance = new();
    }
}
