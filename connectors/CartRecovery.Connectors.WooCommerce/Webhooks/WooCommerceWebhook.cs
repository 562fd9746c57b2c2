using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Connectors.WooCommerce.Webhooks;

/// <summary>
/// What a WooCommerce webhook delivery looks like (class-wc-webhook.php, <c>deliver()</c> and <c>deliver_ping()</c>):
/// a POST of the order's REST JSON with <c>X-WC-Webhook-*</c> headers, signed with
/// <c>base64(HMAC-SHA256(raw body, secret))</c>.
/// </summary>
internal static class WooCommerceWebhook
{
    public const string SourceHeader = "X-WC-Webhook-Source";
    public const string TopicHeader = "X-WC-Webhook-Topic";
    public const string ResourceHeader = "X-WC-Webhook-Resource";
    public const string EventHeader = "X-WC-Webhook-Event";
    public const string SignatureHeader = "X-WC-Webhook-Signature";
    public const string IdHeader = "X-WC-Webhook-ID";
    public const string DeliveryIdHeader = "X-WC-Webhook-Delivery-ID";

    /// <summary>
    /// Checks <c>X-WC-Webhook-Signature</c> against the raw body bytes, in constant time. Verify before parsing: the
    /// signature covers the exact bytes sent. (WooCommerce HTML-entity-decodes the secret first; ours are base64, which
    /// has no entities.)
    /// </summary>
    public static bool IsValidSignature(ReadOnlySpan<byte> body, string? header, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> expected = stackalloc byte[32];
        Span<byte> given = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return Convert.TryFromBase64String(header ?? "", given, out var written) && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>
    /// WooCommerce's ping, sent synchronously while <c>POST /webhooks</c> runs (and again while a webhook has a pending
    /// delivery): a form body <c>webhook_id=N</c>, no <c>X-WC-Webhook-*</c> headers, no signature. It must get exactly
    /// 200, and it is not an event: answer it without storing anything.
    /// </summary>
    public static bool IsPing(ReadOnlySpan<byte> body, string? topicHeader, string? signatureHeader)
    {
        if (!string.IsNullOrEmpty(topicHeader) || !string.IsNullOrEmpty(signatureHeader))
            return false;
        ReadOnlySpan<byte> prefix = "webhook_id="u8;
        var trimmed = body.Trim((byte)'\n').Trim((byte)'\r');
        if (!trimmed.StartsWith(prefix) || trimmed.Length == prefix.Length || trimmed.Length > prefix.Length + 19)
            return false;
        foreach (var b in trimmed[prefix.Length..])
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
        }
        return true;
    }

    /// <summary>
    /// The inbox de-duplication key. <c>X-WC-Webhook-Delivery-ID</c> alone is not unique: WooCommerce makes it
    /// <c>wp_hash(webhook id . unix second)</c>, so every delivery of one webhook within the same second (a batch run by
    /// Action Scheduler) carries the same id. Adding a hash of the body keeps distinct deliveries apart while a
    /// repeated identical delivery still collapses.
    /// </summary>
    public static string DeliveryKey(string? deliveryIdHeader, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        var id = string.IsNullOrWhiteSpace(deliveryIdHeader) ? "none" : deliveryIdHeader.Trim();
        return id[..Math.Min(id.Length, 64)] + ":" + Convert.ToHexStringLower(hash[..16]);
    }
}
