using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// App Bridge session tokens (ID tokens) as Shopify mints them (shopify.dev "About session tokens"): header
/// <c>{"alg":"HS256","typ":"JWT"}</c>, claims iss (<c>https://{shop}/admin</c>), dest (<c>https://{shop}</c>), aud
/// (the client id), sub (the staff user id), exp (one minute), nbf, iat, jti, sid; signed with the client secret.
/// Tests build valid ones, then break one thing.
/// </summary>
public static class ShopifySessionTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The claims Shopify puts in a token for this shop and user, issued at <paramref name="issuedAt"/>.</summary>
    public static JsonObject Claims(string clientId, string shop, string userId, DateTimeOffset issuedAt) => new()
    {
        ["iss"] = $"https://{shop}/admin",
        ["dest"] = $"https://{shop}",
        ["aud"] = clientId,
        ["sub"] = userId,
        ["exp"] = (issuedAt + Lifetime).ToUnixTimeSeconds(),
        ["nbf"] = issuedAt.ToUnixTimeSeconds(),
        ["iat"] = issuedAt.ToUnixTimeSeconds(),
        ["jti"] = Guid.NewGuid().ToString(),
        ["sid"] = ShopifyEmulatorState.Hex($"session:{shop}:{userId}"),
    };

    /// <summary>header.payload.signature; <paramref name="alg"/> <c>none</c> gives an empty signature, as such tokens have.</summary>
    public static string Sign(JsonObject claims, string secret, string alg = "HS256")
    {
        ArgumentNullException.ThrowIfNull(claims);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }.ToJsonString()));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signed = $"{header}.{payload}";
        var signature = alg == "none" ? "" : Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signed)));
        return $"{signed}.{signature}";
    }

    /// <summary>
    /// What Shopify's token endpoint accepts as a subject token: HS256 signed with the app's secret, for this app (aud)
    /// and this shop (dest and iss), between nbf and exp. No clock skew: the endpoint grants none.
    /// </summary>
    internal static bool IsValid(string? token, string clientId, string secret, string shop, DateTimeOffset now)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return false;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]));
            var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]));
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            return header?["alg"]?.GetValue<string>() == "HS256"
                && CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2]))
                && claims?["aud"]?.GetValue<string>() == clientId
                && claims["dest"]?.GetValue<string>() == $"https://{shop}"
                && claims["iss"]?.GetValue<string>() == $"https://{shop}/admin"
                && !string.IsNullOrEmpty(claims["sub"]?.GetValue<string>())
                && claims["nbf"]?.GetValue<long>() <= now.ToUnixTimeSeconds()
                && now.ToUnixTimeSeconds() < claims["exp"]?.GetValue<long>();
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
