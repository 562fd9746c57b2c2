using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// OAuth 1.0a "one-legged" signing exactly as WooCommerce verifies it over plain HTTP
/// (class-wc-rest-authentication.php, <c>check_oauth_signature</c>; https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-http):
/// the base string is <c>METHOD&amp;enc(home URL + path)&amp;</c> followed by every query/form parameter except
/// <c>oauth_signature</c>, sorted by key with <c>strcmp</c>, each <c>enc(enc(key)=enc(value))</c>, joined with <c>%26</c>;
/// enc is PHP's <c>rawurlencode</c> (RFC 3986). The HMAC key is the consumer secret followed by <c>&amp;</c> (the empty token
/// secret of RFC 5849; WooCommerce appends it without encoding the secret, which is <c>cs_</c> + hex anyway).
/// </summary>
internal static class WooCommerceOAuth1
{
    public const string HmacSha1 = "HMAC-SHA1";
    public const string HmacSha256 = "HMAC-SHA256";
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>RFC 3986 percent-encoding (unreserved = A-Z a-z 0-9 - . _ ~; space is %20, never +), as PHP's rawurlencode.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>A fresh 32-character alphanumeric nonce. WooCommerce rejects a nonce it saw in the last 15 minutes, so retries need new ones.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetString(NonceAlphabet, 32);

    /// <summary>The signature base string for a request to <paramref name="url"/> (its query is ignored: pass every parameter in <paramref name="parameters"/>).</summary>
    public static string BaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var pairs = parameters
            .Where(p => p.Key != "oauth_signature")
            .OrderBy(p => p.Key, Utf8ByteComparer.Instance)
            .Select(p => Encode(Encode(p.Key) + "=" + Encode(p.Value)));
        return method.ToUpperInvariant() + "&" + Encode(url.GetLeftPart(UriPartial.Path)) + "&" + string.Join("%26", pairs);
    }

    /// <summary>Base64 HMAC of <paramref name="baseString"/> keyed with <c>consumer secret + "&amp;"</c>.</summary>
    public static string Signature(string baseString, string consumerSecret, string signatureMethod = HmacSha256)
    {
        ArgumentNullException.ThrowIfNull(baseString);
        ArgumentNullException.ThrowIfNull(consumerSecret);
        var key = Encoding.UTF8.GetBytes(consumerSecret + "&");
        var data = Encoding.UTF8.GetBytes(baseString);
        return signatureMethod switch
        {
            HmacSha256 => Convert.ToBase64String(HMACSHA256.HashData(key, data)),
            // WooCommerce accepts both; SHA1 is kept for interoperability and the RFC 5849 test vector, not used by default.
#pragma warning disable CA5350
            HmacSha1 => Convert.ToBase64String(HMACSHA1.HashData(key, data)),
#pragma warning restore CA5350
            _ => throw new ArgumentException($"WooCommerce accepts only {HmacSha1} and {HmacSha256}.", nameof(signatureMethod)),
        };
    }

    /// <summary>
    /// The request's parameters plus the five <c>oauth_*</c> parameters WooCommerce requires (no <c>oauth_version</c>:
    /// it is optional and, if sent, signed like any other parameter). Send them all in the query string.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        string method,
        Uri signingUrl,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string consumerKey,
        string consumerSecret,
        long timestamp,
        string nonce,
        string signatureMethod = HmacSha256)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // PHP keeps the last of repeated keys in $_GET, so a repeated key would be signed differently than it is sent.
        if (parameters.GroupBy(p => p.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
            throw new ArgumentException("Query parameters must be unique; send lists as comma-separated values.", nameof(parameters));
        var all = new List<KeyValuePair<string, string>>(parameters)
        {
            new("oauth_consumer_key", consumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", signatureMethod),
            new("oauth_timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        all.Add(new("oauth_signature", Signature(BaseString(method, signingUrl, all), consumerSecret, signatureMethod)));
        return all;
    }

    /// <summary>PHP's <c>strcmp</c>: byte-wise on the UTF-8 encoding of the decoded keys.</summary>
    private sealed class Utf8ByteComparer : IComparer<string>
    {
        public static readonly Utf8ByteComparer Instance = new();

        public int Compare(string? x, string? y) =>
            ((ReadOnlySpan<byte>)Encoding.UTF8.GetBytes(x ?? "")).SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
