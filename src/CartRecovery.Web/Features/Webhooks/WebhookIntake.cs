using System.Text.Json;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Webhooks;
using CartRecovery.Jobs.Webhooks;

namespace CartRecovery.Web.Features.Webhooks;

/// <summary>
/// The shared half of every webhook endpoint (<see cref="IWebhookIntake"/>, which the connectors' endpoints call): store
/// the verified delivery durably and nudge the processing job. Platforms get their 2xx only after the delivery is in the inbox.
/// </summary>
internal sealed partial class WebhookIntake(
    IWebhookInbox inbox, ProcessWebhooksNudge processing, TimeProvider time, ILogger<WebhookIntake> logger) : IWebhookIntake
{
    /// <summary>Larger bodies are refused with 413 (<see cref="WebhookBody.MaxBytes"/>).</summary>
    public const int MaxBodyBytes = WebhookBody.MaxBytes;

    /// <summary>The raw body of the host's own inbound endpoints, bounded (<see cref="WebhookBody.ReadAsync"/>).</summary>
    public static Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBodyBytes) =>
        WebhookBody.ReadAsync(request.Body, request.ContentLength, ct, maxBytes);

    /// <summary>The body as one JSON document, or null (<see cref="WebhookBody.ParseJson"/>).</summary>
    public static JsonElement? ParseJson(byte[] body) => WebhookBody.ParseJson(body);

    /// <inheritdoc />
    public async Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var isNew = await inbox.AcceptAsync(delivery with { ReceivedAt = time.GetUtcNow() }, ct);
        WebhookMetrics.Received(delivery.Platform, isNew);
        if (isNew)
            processing.Request();
        else
            Log.Duplicate(logger, delivery.Platform, delivery.Topic);
        return isNew;
    }

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Information, "Duplicate {Platform} webhook {Topic} acknowledged and ignored")]
        public static partial void Duplicate(ILogger logger, string platform, string topic);
    }
}
