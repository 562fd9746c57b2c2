using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.WooCommerce;

internal sealed record AuthOutcome(EmulatedApiKey? Key, WordPressError? Error);

/// <summary>
/// WooCommerce's key authentication, re-implemented from class-wc-rest-authentication.php: Basic (or the
/// <c>consumer_key</c>/<c>consumer_secret</c> query pair) only when the request counts as SSL, then OAuth 1.0a one-legged
/// with parameters from <c>$_GET</c>, <c>$_POST</c> and an <c>Authorization: OAuth</c> header, the base URI built from the
/// home URL, a ±15 minute timestamp window and per-key nonces remembered by timestamp.
/// </summary>
internal static partial class EmulatorAuth
{
    private const int WindowSeconds = 15 * 60;
    private static readonly string[] Required = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"];

    public static AuthOutcome Authenticate(
        HttpRequest request, string rawPath, List<KeyValuePair<string, string>> get, List<KeyValuePair<string, string>> post,
        EmulatorState state, WooCommerceEmulatorOptions options, Uri home)
    {
        WordPressError? error = null;
        if (options.TreatAsHttps)
        {
            var (key, secret) = BasicCredentials(request, get);
            if (key.Length > 0 && secret.Length > 0 && Find(state, key) is { } found)
            {
                if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(found.ConsumerSecret), Encoding.UTF8.GetBytes(secret)))
                    return new(found, null);
                error = new(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
            }
        }

        var parameters = Merge(get, post, OAuthHeader(request.Headers.Authorization.ToString()));
        var missing = Required.Where(name => !parameters.TryGetValue(name, out var v) || v.Length == 0).ToList();
        if (missing.Count == Required.Length)
            return new(null, error);
        if (missing.Count > 0)
            return new(null, new(401, "woocommerce_rest_authentication_missing_parameter",
                (missing.Count == 1 ? "Missing OAuth parameter " : "Missing OAuth parameters ") + string.Join(", ", missing)));
        if (Find(state, parameters["oauth_consumer_key"]) is not { } user)
            return new(null, new(401, "woocommerce_rest_authentication_error", "Consumer key is invalid."));
        if (CheckSignature(request.Method, rawPath, parameters, user, options, home) is { } signatureError)
            return new(null, signatureError);
        if (CheckTimestampAndNonce(state, user, parameters["oauth_timestamp"], parameters["oauth_nonce"], options.Time) is { } replayError)
            return new(null, replayError);
        return new(user, null);
    }

    /// <summary>WooCommerce's per-method key permission check (runs in rest_pre_dispatch, before routing and validation).</summary>
    public static WordPressError? CheckPermissions(string method, EmulatedApiKey key) => method switch
    {
        "GET" or "HEAD" when key.Permissions is not ("read" or "read_write") =>
            new(401, "woocommerce_rest_authentication_error", "The API key provided does not have read permissions."),
        "POST" or "PUT" or "PATCH" or "DELETE" when key.Permissions is not ("write" or "read_write") =>
            new(401, "woocommerce_rest_authentication_error", "The API key provided does not have write permissions."),
        _ => null,
    };

    private static WordPressError? CheckSignature(string method, string rawPath, Dictionary<string, string> parameters,
        EmulatedApiKey user, WooCommerceEmulatorOptions options, Uri home)
    {
        // get_home_url(null, $request_path, is_ssl() ? 'https' : 'http'), with the home's own path stripped first.
        var homePath = home.AbsolutePath.TrimEnd('/') + "/";
        var path = rawPath.StartsWith(homePath, StringComparison.Ordinal) ? rawPath[homePath.Length..] : rawPath.TrimStart('/');
        var scheme = options.TreatAsHttps ? "https" : "http";
        var homeUrl = scheme + "://" + home.Authority + home.AbsolutePath.TrimEnd('/');
        var baseUri = PhpQuery.RawUrlEncode(homeUrl + "/" + path);

        var consumerSignature = PhpQuery.PercentDecode(parameters["oauth_signature"].Replace(' ', '+'));
        var signed = parameters.Where(p => p.Key != "oauth_signature")
            .OrderBy(p => Encoding.UTF8.GetBytes(p.Key), ByteComparer.Instance)
            .Select(p => PhpQuery.RawUrlEncode(PhpQuery.RawUrlEncode(p.Key) + "=" + PhpQuery.RawUrlEncode(p.Value)));
        var stringToSign = method.ToUpperInvariant() + "&" + baseUri + "&" + string.Join("%26", signed);

        var algorithm = parameters["oauth_signature_method"];
        if (algorithm is not ("HMAC-SHA1" or "HMAC-SHA256"))
            return new(401, "woocommerce_rest_authentication_error", "Invalid signature - signature method is invalid.");
        var secret = Encoding.UTF8.GetBytes(user.ConsumerSecret + "&");
        var data = Encoding.UTF8.GetBytes(stringToSign);
#pragma warning disable CA5350 // WooCommerce accepts HMAC-SHA1; the emulator must too.
        var expected = Convert.ToBase64String(algorithm == "HMAC-SHA256" ? HMACSHA256.HashData(secret, data) : HMACSHA1.HashData(secret, data));
#pragma warning restore CA5350
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(consumerSignature))
            ? null
            : new(401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    private static WordPressError? CheckTimestampAndNonce(EmulatorState state, EmulatedApiKey user, string timestampText, string nonce, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(timestampText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp < now - WindowSeconds || timestamp > now + WindowSeconds)
            return new(401, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        if (!state.Nonces.TryGetValue(user.KeyId, out var used))
            state.Nonces[user.KeyId] = used = [];
        if (used.ContainsValue(nonce))
            return new(401, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
        // Stored as $used_nonces[$timestamp] = $nonce: two requests in the same second keep only the later nonce.
        used[timestamp] = nonce;
        foreach (var old in used.Keys.Where(t => t < now - WindowSeconds).ToList())
            used.Remove(old);
        return null;
    }

    private static (string Key, string Secret) BasicCredentials(HttpRequest request, List<KeyValuePair<string, string>> get)
    {
        var query = get.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (query.GetValueOrDefault("consumer_key") is { Length: > 0 } k && query.GetValueOrDefault("consumer_secret") is { Length: > 0 } s)
            return (k, s);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return ("", "");
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? ("", "") : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    private static Dictionary<string, string> Merge(params IEnumerable<KeyValuePair<string, string>>[] sources)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (key, value) in source)
                merged[key] = value;
        }
        return merged;
    }

    /// <summary><c>parse_header()</c>: <c>oauth_*="value"</c> pairs of an <c>OAuth </c> header, url-decoded.</summary>
    private static List<KeyValuePair<string, string>> OAuthHeader(string header)
    {
        var trimmed = header.Trim();
        if (!trimmed.StartsWith("OAuth ", StringComparison.Ordinal))
            return [];
        return OAuthPair().Matches(trimmed)
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value,
                PhpQuery.UrlDecode(m.Groups[3].Success && m.Groups[3].Value.Length > 0 ? m.Groups[3].Value : m.Groups[4].Value)))
            .ToList();
    }

    private static EmulatedApiKey? Find(EmulatorState state, string consumerKey) => state.Keys.GetValueOrDefault(consumerKey);

    [GeneratedRegex("(oauth_[a-z_-]*)=(:?\"([^\"]*)\"|([^,]*))")]
    private static partial Regex OAuthPair();

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
