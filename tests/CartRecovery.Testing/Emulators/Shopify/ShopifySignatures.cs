using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// The two signatures Shopify makes with the app's client secret (shopify.dev authorization-code-grant
/// "Verify the installation request" and webhooks "Verify deliveries").
/// </summary>
internal static class ShopifySignatures
{
    /// <summary>
    /// Install/callback HMAC: drop <c>hmac</c> (and <c>signature</c>, used by app proxies), sort the rest by key,
    /// join as <c>key=value</c> with <c>&amp;</c>, HMAC-SHA256 with the secret, lowercase hex. Keys and values are
    /// percent-encoded with %20 for spaces, as Shopify's own library (shopify-api ProcessedQuery) does; the values
    /// the emulator produces are plain tokens, so encoded and raw forms sign the same.
    /// </summary>
    public static string QueryHmac(IEnumerable<KeyValuePair<string, string>> query, string secret)
    {
        var message = string.Join('&', query
            .Where(p => p.Key is not ("hmac" or "signature"))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{Uri.EscapeDataString(g.Key)}={Uri.EscapeDataString(string.Join(',', g.Select(p => p.Value)))}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>Webhook HMAC: base64 of HMAC-SHA256 over the raw body bytes, keyed with the client secret.</summary>
    public static string BodyHmac(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
