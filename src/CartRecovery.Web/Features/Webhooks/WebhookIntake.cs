using System.Text.Json;
using System.Text.Unicode;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Webhooks;
using CartRecovery.Jobs;
using Microsoft.Extensions.Options;
using CartRecovery.Jobs.Webhooks;
using Quartz;

namespace CartRecovery.Web.Features.Webhooks;

/// <summary>
/// The shared half of every webhook endpoint: read the raw body (bounded), store the verified delivery durably, and
/// nudge the processing job. Platforms get their 2xx only after the delivery is in the inbox.
/// </summary>
internal sealed partial class WebhookIntake(
    IWebhookInbox inbox, ISchedulerFactory schedulers, IOptions<JobsOptions> jobs, TimeProvider time, ILogger<WebhookIntake> logger)
{
    /// <summary>Larger bodies are refused with 413: a checkout or order payload is a few KiB, 1 MiB is generous.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The raw body, or null when it exceeds <paramref name="maxBytes"/> (default <see cref="MaxBodyBytes"/>). Reading
    /// stops at the limit, so a chunked body without a Content-Length cannot make us buffer more.
    /// </summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBodyBytes)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether the body is one JSON document: a signed body that is not is refused (400) rather than stored to fail forever.</summary>
    public static bool IsJson(byte[] body) => ParseJson(body) is not null;

    /// <summary>
    /// The body as one JSON document, or null when it is not one, is not UTF-8, or holds a string that does not decode
    /// (a lone surrogate escape). A JSON reader checks strings only when they are read, deep inside a handler, where the
    /// failure would be a 500 or a delivery that fails forever; every caller answers null with a 400 instead.
    /// </summary>
    public static JsonElement? ParseJson(byte[] body)
    {
        if (!Utf8.IsValid(body))
            return null;
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(body);
            return Decodes(root) ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Decodes(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(Decodes);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!Decodes(property.Value))
                            return false;
                    }
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Stores the delivery (a duplicate is acknowledged and dropped) and triggers processing.</summary>
    public async Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var isNew = await inbox.AcceptAsync(delivery with { ReceivedAt = time.GetUtcNow() }, ct);
        WebhookMetrics.Received(delivery.Platform, isNew);
        if (isNew)
            await KickAsync(ct);
        else
            Log.Duplicate(logger, delivery.Platform, delivery.Topic);
        return isNew;
    }

    private async Task KickAsync(CancellationToken ct)
    {
        // With jobs switched off nothing would run the trigger; the deliveries wait in the inbox.
        if (!jobs.Value.Enabled)
            return;
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.TriggerJob(ProcessWebhooksJob.Key, ct);
        }
        catch (SchedulerException error)
        {
            // The delivery is stored: the job's interval will process it. Never fail the platform's request for this.
            Log.KickFailed(logger, error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Information, "Duplicate {Platform} webhook {Topic} acknowledged and ignored")]
        public static partial void Duplicate(ILogger logger, string platform, string topic);

        [LoggerMessage(5002, LogLevel.Warning, "Could not trigger webhook processing at once; the periodic run will")]
        public static partial void KickFailed(ILogger logger, Exception error);
    }
}
