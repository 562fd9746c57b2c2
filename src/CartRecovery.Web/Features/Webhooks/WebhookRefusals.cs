using CartRecovery.Core.Telemetry;

namespace CartRecovery.Web.Features.Webhooks;

/// <summary>
/// Counts the deliveries a webhook endpoint refused (<c>cartrecovery.webhook.deliveries</c>, outcome refused) by the status
/// it answered, so the endpoints keep their early returns and say nothing about metrics. Accepted ones are counted where
/// they are stored (<see cref="WebhookIntake"/>).
/// </summary>
internal sealed class WebhookRefusals(string platform) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 and var status })
            WebhookMetrics.Refuse(platform, ReasonFor(status));
        return result;
    }

    private static string ReasonFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "signature",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status400BadRequest => "malformed",
        _ => "other",
    };
}
