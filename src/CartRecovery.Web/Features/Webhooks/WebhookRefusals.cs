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
    private const string Prefix = "/webhooks/";

    /// <summary>Outside the exception handler, so a refused delivery is counted with the status the platform finally got.</summary>
    public static IApplicationBuilder UseWebhookRefusals(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode >= 400 && HttpMethods.IsPost(context.Request.Method) && PlatformOf(context.Request.Path) is { } platform)
            WebhookMetrics.Refuse(platform, ReasonFor(context.Response.StatusCode));
    });

    private static string? PlatformOf(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return null;
        var rest = value[Prefix.Length..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var platform = (end < 0 ? rest : rest[..end]).ToLowerInvariant();
        // Only names we chose become metric labels: a stranger's path must not grow the label set.
        return platform is "shopify" or "woocommerce" or "postmark" ? platform : null;
    }

    private static string ReasonFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "signature",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status400BadRequest => "malformed",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        _ => "other",
    };
}
