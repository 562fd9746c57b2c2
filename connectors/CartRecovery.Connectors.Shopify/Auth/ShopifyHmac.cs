using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Shopify's request signatures: hex HMAC-SHA256 over the sorted query for install and OAuth redirects
/// (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant), base64
/// HMAC-SHA256 over the raw body for webhooks (https://shopify.dev/docs/apps/build/webhooks/subscribe/https). Both are
/// keyed with the app's client secret and compared in constant time.
/// </summary>
internal static partial class ShopifyHmac
{
    /// <summary>
    /// Verifies the <c>hmac</c> of an install or callback query. <paramref name="query"/> holds the decoded parameters, in
    /// any order; <c>hmac</c> and <c>signature</c> are left out of the message, the rest is sorted by key (ordinal),
    /// percent-encoded (a space is <c>%20</c>, never <c>+</c>) and joined as <c>key=value</c> pairs with <c>&amp;</c>.
    /// A key given more than once is signed as one value joined with commas.
    /// </summary>
    public static bool IsValidQuery(IEnumerable<KeyValuePair<string, string>> query, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(clientSecret))
            return false;

        string? given = null;
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (key == "hmac")
            {
                if (given is not null)
                    return false;   // two signatures: someone is playing games
                given = value;
                continue;
            }
            if (key == "signature")
                continue;
            if (!parameters.TryGetValue(key, out var values))
                parameters[key] = values = [];
            values.Add(value ?? "");
        }
        if (given is null || given.Length != 64)
            return false;

        var message = string.Join('&', parameters.Select(p => $"{Encode(p.Key)}={Encode(string.Join(',', p.Value))}"));
        Span<byte> expected = stackalloc byte[32];
        Span<byte> provided = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(message), expected);
        return Convert.FromHexString(given, provided, out _, out var written) == OperationStatus.Done && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>Verifies <c>X-Shopify-Hmac-Sha256</c> (base64) against the raw request body, before any JSON parsing.</summary>
    public static bool IsValidWebhook(ReadOnlySpan<byte> rawBody, string? hmacHeader, string clientSecret)
    {
        if (string.IsNullOrEmpty(clientSecret))
            return false;
        Span<byte> expected = stackalloc byte[32];
        Span<byte> given = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), rawBody, expected);
        return Convert.TryFromBase64String(hmacHeader ?? "", given, out var n) && n == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>
    /// True for a permanent shop domain (<c>name.myshopify.com</c>). Never build a URL from a shop that fails this: it is
    /// what stops an attacker from sending our client secret to their own host.
    /// </summary>
    public static bool IsValidShopDomain(string? shop) => shop is { Length: <= 255 } && ShopDomain().IsMatch(shop);

    /// <summary>
    /// Percent-encoding as the platform's own signer does it (URL search params): letters, digits and <c>*-._</c> stay,
    /// every other UTF-8 byte becomes <c>%XX</c>, so a space is <c>%20</c>.
    /// </summary>
    internal static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    // \z rather than $: in .NET, $ also matches before a trailing newline.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_-]*\.myshopify\.com\z", RegexOptions.CultureInvariant)]
    private static partial Regex ShopDomain();
}
