using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Verifies the session token (ID token) App Bridge gives an embedded page
/// (https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens): a JWT signed HS256 with the app's
/// client secret whose <c>aud</c> is our client id, <c>dest</c> the shop (<c>https://name.myshopify.com</c>) and
/// <c>iss</c> that shop's admin, <c>sub</c> the staff user, living one minute between <c>nbf</c> and <c>exp</c>.
/// Anything else, malformed input included, is refused with a reason; nothing throws.
/// </summary>
internal sealed class ShopifySessionTokenVerifier
{
    /// <summary>
    /// Clock skew allowed on <c>exp</c> and <c>nbf</c>. Shopify's own library allows 10 s; Shopify's token exchange
    /// allows none, so a token we would accept late could no longer install a shop: a smaller margin keeps the two close.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    // A real token is a few hundred characters; anything far larger is refused before any decoding.
    private const int MaxTokenLength = 8 * 1024;
    private static readonly JsonDocumentOptions Json = new() { MaxDepth = 8 };

    private readonly IOptions<ShopifyOptions> _options;
    private readonly TimeProvider _time;

    public ShopifySessionTokenVerifier(IOptions<ShopifyOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    public ShopifySessionTokenCheck Verify(string? token)
    {
        var options = _options.Value;
        if (!options.IsConfigured)
            return ShopifySessionTokenCheck.Refused("Shopify is not configured.");
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return ShopifySessionTokenCheck.Refused("The session token is missing or too long.");
        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
            return ShopifySessionTokenCheck.Refused("The session token is not a JWT.");

        // The algorithm is fixed, not read from the token: anything but HS256 (none, RS256 with our secret as a "public
        // key", HS512) is refused before the signature is even computed.
        if (!TryParse(header, out var headerJson) || Text(headerJson, "alg") != "HS256")
            return ShopifySessionTokenCheck.Refused("The session token is not signed with HS256.");
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ClientSecret), Encoding.ASCII.GetBytes(token[..(parts[0].Length + 1 + parts[1].Length)]), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
            return ShopifySessionTokenCheck.Refused("The session token's signature is wrong.");

        if (!TryParse(payload, out var claims))
            return ShopifySessionTokenCheck.Refused("The session token's claims are not a JSON object.");
        return CheckClaims(claims, token, options.ClientId);
    }

    private ShopifySessionTokenCheck CheckClaims(JsonElement claims, string token, string clientId)
    {
        if (Text(claims, "aud") != clientId)
            return ShopifySessionTokenCheck.Refused("The session token was issued for another app (aud).");
        var shop = ShopOf(Text(claims, "dest"), "/");
        if (shop is null)
            return ShopifySessionTokenCheck.Refused("The session token's dest is not a shop (https://name.myshopify.com).");
        if (ShopOf(Text(claims, "iss"), "/admin") != shop)
            return ShopifySessionTokenCheck.Refused("The session token's iss is not the admin of the shop in dest.");
        var userId = Text(claims, "sub");
        if (string.IsNullOrWhiteSpace(userId))
            return ShopifySessionTokenCheck.Refused("The session token names no user (sub).");
        if (Seconds(claims, "exp") is not { } expires || Seconds(claims, "nbf") is not { } notBefore)
            return ShopifySessionTokenCheck.Refused("The session token has no exp or nbf.");

        var now = _time.GetUtcNow();
        if (now >= expires + ClockSkew)
            return ShopifySessionTokenCheck.Refused("The session token has expired.");
        if (now + ClockSkew < notBefore)
            return ShopifySessionTokenCheck.Refused("The session token is not valid yet (nbf).");
        return ShopifySessionTokenCheck.Valid(new ShopifySessionToken
        {
            Shop = shop,
            UserId = userId,
            SessionId = Text(claims, "sid"),
            ExpiresAt = expires,
            Raw = token,
        });
    }

    /// <summary>The lower-case shop domain of <c>https://{shop}{path}</c>, or null for anything else (port, query, user info...).</summary>
    private static string? ShopOf(string? url, string path)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || !string.Equals(uri.AbsolutePath.TrimEnd('/'), path.TrimEnd('/'), StringComparison.Ordinal)
            || !ShopifyHmac.IsValidShopDomain(uri.Host))
            return null;
        return ShopifyInstallFlow.Normalize(uri.Host);
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = part.Length > 0 && Base64Url.IsValid(part) ? Base64Url.DecodeFromChars(part) : [];
        return bytes.Length > 0;
    }

    private static bool TryParse(byte[] utf8, out JsonElement root)
    {
        root = default;
        try
        {
            using var document = JsonDocument.Parse(utf8, Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return false;
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Seconds(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
        && seconds > 0 && seconds < DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 60
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
