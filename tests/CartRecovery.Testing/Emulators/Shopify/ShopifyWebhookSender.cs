using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Delivers webhooks the way shopify.dev/docs/apps/build/webhooks/delivery-structure describes: POST with a JSON
/// body and the X-Shopify-* headers, the body signed with the app's client secret (base64 HMAC-SHA256). Shopify
/// waits 5 s; an unanswered delivery counts as failed and is recorded with no status.
/// </summary>
internal sealed class ShopifyWebhookSender(ShopifyEmulatorState state) : IDisposable
{
    // Changelog "Updates to webhook retry mechanism" (2024-09-10): 8 retries over 4 hours, exponential backoff,
    // same payload and same address as the first attempt.
    public const int ShopifyMaxAttempts = 9;

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<HttpResponseMessage> SendAsync(ShopifyWebhookDelivery delivery, int attempt, Action<HttpRequestMessage>? tamper)
    {
        var options = state.Options;
        var bytes = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "Shopify-Captain-Hook");
        request.Headers.Add("X-Shopify-Topic", delivery.Topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", ShopifySignatures.BodyHmac(bytes, delivery.SecretOverride ?? options.ClientSecret));
        request.Headers.Add("X-Shopify-Shop-Domain", options.ShopDomain);
        request.Headers.Add("X-Shopify-API-Version", options.WebhookApiVersion);
        request.Headers.Add("X-Shopify-Webhook-Id", delivery.WebhookId);
        request.Headers.Add("X-Shopify-Event-Id", delivery.EventId);
        request.Headers.Add("X-Shopify-Triggered-At",
            delivery.TriggeredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        tamper?.Invoke(request);

        using var timeout = new CancellationTokenSource(options.WebhookTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or HttpRequestException)
        {
            state.Record(new ShopifyDeliveredWebhook(delivery.Target, delivery.Topic, delivery.WebhookId, attempt, null, delivery.Body, state.Now));
            return new HttpResponseMessage(HttpStatusCode.GatewayTimeout)
            {
                ReasonPhrase = error is OperationCanceledException
                    ? $"No answer within {options.WebhookTimeout.TotalSeconds:0.#} s"
                    : $"Delivery failed: {error.Message}",
            };
        }

        state.Record(new ShopifyDeliveredWebhook(delivery.Target, delivery.Topic, delivery.WebhookId, attempt, (int)response.StatusCode, delivery.Body, state.Now));
        return response;
    }

    public async Task<IReadOnlyList<ShopifyDeliveredWebhook>> SendWithRetriesAsync(
        ShopifyWebhookDelivery delivery, int maxAttempts, Func<int, TimeSpan, Task> delay)
    {
        var attempts = new List<ShopifyDeliveredWebhook>();
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await delay(attempt, TimeSpan.FromMinutes(Math.Pow(2, attempt - 2)));
            }

            using var response = await SendAsync(delivery, attempt, tamper: null);
            attempts.Add(state.Deliveries().Last(d => d.WebhookId == delivery.WebhookId && d.Attempt == attempt));
            if (response.IsSuccessStatusCode)
            {
                break;
            }
        }

        return attempts;
    }

    public void Dispose() => _http.Dispose();
}
