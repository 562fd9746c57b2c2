using System.Text.Json;
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

    /// <summary>
    /// Whether the body is one JSON document whose every name and string decodes (valid UTF-8, no lone surrogate
    /// escape): a signed body that is not is refused (400) rather than stored to fail forever, and nothing that reads
    /// it later meets a string it cannot decode.
    /// </summary>
    public static bool IsJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Decodes(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // JsonElement's string accessors: "Cannot transcode invalid UTF-8" / "incomplete UTF-16" (a lone surrogate).
            return false;
        }
    }

    // Recursion is bounded by the reader's default maximum depth (64).
    private static bool Decodes(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && Decodes(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(Decodes),
        JsonValueKind.String => element.GetString() is not null,
        _ => true,
    };

    /// <summary>Stores the delivery (a duplicate is acknowledged and dropped) and triggers processing.</summary>
    public async Task<bool> AcceptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var isNew = await inbox.AcceptAsync(delivery with { ReceivedAt = time.GetUtcNow() }, ct);
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
