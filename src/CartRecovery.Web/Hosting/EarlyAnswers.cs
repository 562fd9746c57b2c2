using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// Endpoints that answer right after the security headers and the exception handler, before the middleware that
/// serves people and API callers (status-code pages, static files, page language, rate limits, authentication, the
/// API caller gate, authorization). For the restore links: a signed token in the path is their only credential, their
/// pages carry their own body and are in English only, and they are the one path a whole mailing list follows, so
/// they should cost what the work needs (issue 17). Routing has already chosen the endpoint when this runs.
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
        app.Use((http, next) => http.GetEndpoint() is { RequestDelegate: { } answer } endpoint
            && endpoint.Metadata.GetMetadata<EarlyAnswer>() is not null
                ? answer(http)
                : next(http));

    private sealed class EarlyAnswer
    {
        public static readonly EarlyAnswer Instance = new();
    }
}
