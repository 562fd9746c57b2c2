using CartRecovery.Core.Telemetry;

namespace CartRecovery.Web.Features.Webhooks;

/// <summary>
/// Counts the deliveries a webhook endpoint refused (<c>cartrecovery.webhook.deliveries</c>, outcome refused) by the status
/// it answered, for every <c>POST /webhooks/{platform}…</c> whichever project maps it (the connectors, Postmark), so the
/// endpoints keep their early returns and say nothing about metrics. Accepted ones are counted where they are stored
/// (<see cref="WebhookIntake"/>).
/// </summary>
internal static class WebhookRefusals
{
    /// <summary>Outside the exception handler, so a refused delivery is counted with the status the platform finally got.</summary>
    public static IApplicationBuilder UseWebhookRefusals(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoints = app.ApplicationServices.GetRequiredService<EndpointDataSource>();
        HashSet<string>? mapped = null;
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode < 400 || !HttpMethods.IsPost(context.Request.Method))
                return;
            mapped ??= Mapped(endpoints);
            if (WebhookRoutes.PlatformOf(context.Request.Path) is { } platform && mapped.Contains(platform))
                WebhookMetrics.Refuse(platform, ReasonFor(context.Response.StatusCode));
        });
    }

    // Only names the projects mapped become metric labels (POST /webhooks/{name}…): a stranger's path must not grow the label set.
    private static HashSet<string> Mapped(EndpointDataSource endpoints) => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => e.RoutePattern.RawText is { } pattern ? WebhookRoutes.PlatformOf(pattern.StartsWith('/') ? pattern : "/" + pattern) : null)
        .OfType<string>()
        .Where(name => !name.StartsWith('{'))
        .ToHashSet(StringComparer.Ordinal);

    private static string ReasonFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "signature",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status400BadRequest => "malformed",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        _ => "other",
    };
}
