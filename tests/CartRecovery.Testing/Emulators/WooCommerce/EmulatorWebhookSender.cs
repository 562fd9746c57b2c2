using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// Sends what WooCommerce's <c>WC_Webhook</c> sends: the ping (<c>deliver_ping()</c>: a form body
/// <c>webhook_id=N</c>, nothing else) and deliveries (<c>deliver()</c>: JSON body, <c>X-WC-Webhook-*</c> headers,
/// <c>base64(HMAC-SHA256(body, secret))</c>, a delivery id that is <c>wp_hash(webhook id . unix second)</c>).
/// </summary>
internal sealed class EmulatorWebhookSender(HttpClient http, WooCommerceEmulatorOptions options)
{
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("emulated-wp-auth-salt");

    private string UserAgent => $"WooCommerce/{options.WooCommerceVersion} Hookshot (WordPress/{options.WordPressVersion})";

    public async Task<int?> PingAsync(string deliveryUrl, long webhookId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, deliveryUrl)
        {
            Content = new StringContent("webhook_id=" + webhookId.ToString(CultureInfo.InvariantCulture), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return await SendAsync(request, ct);
    }

    public async Task<EmulatedDelivery> DeliverAsync(EmulatedWebhook webhook, string topic, string body, Uri home, CancellationToken ct)
    {
        var parts = topic.Split('.', 2);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret), Encoding.UTF8.GetBytes(body)));
        var deliveryId = DeliveryId(webhook.Id, options.Time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.DeliveryUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("X-WC-Webhook-Source", home.AbsoluteUri.TrimEnd('/') + "/");
        request.Headers.Add("X-WC-Webhook-Topic", topic);
        request.Headers.Add("X-WC-Webhook-Resource", parts[0]);
        request.Headers.Add("X-WC-Webhook-Event", parts.Length > 1 ? parts[1] : "");
        request.Headers.Add("X-WC-Webhook-Signature", signature);
        request.Headers.Add("X-WC-Webhook-ID", webhook.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-WC-Webhook-Delivery-ID", deliveryId);
        var status = await SendAsync(request, ct);
        return new EmulatedDelivery(webhook.Id, topic, deliveryId, body, signature, status);
    }

    /// <summary>
    /// <c>wp_hash($this->get_id() . strtotime('now'))</c>: the same for every delivery of one webhook within a second.
    /// </summary>
    public static string DeliveryId(long webhookId, DateTimeOffset now)
    {
#pragma warning disable CA5351 // wp_hash is an HMAC-MD5; reproduced, not relied upon.
        var hash = HMACMD5.HashData(Salt, Encoding.UTF8.GetBytes(webhookId.ToString(CultureInfo.InvariantCulture) + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    private async Task<int?> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
