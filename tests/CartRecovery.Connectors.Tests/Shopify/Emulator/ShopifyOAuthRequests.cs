using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.AspNetCore.WebUtilities;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>OAuth requests as an app sends them, and Shopify's signature algorithm re-implemented independently.</summary>
internal static class ShopifyOAuthRequests
{
    internal static Uri AuthorizeUrl(ShopifyEmulator shop, string state, string? clientId = null) =>
        new(QueryHelpers.AddQueryString(new Uri(shop.BaseUrl, "admin/oauth/authorize").ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = clientId ?? shop.ClientId,
            ["scope"] = "read_orders,write_discounts",
            ["redirect_uri"] = "https://app.example/shopify/callback",
            ["state"] = state,
        }));

    internal static async Task<string> AuthorizeCodeAsync(ShopifyEmulator shop, EmulatorHttp http)
    {
        using var response = await http.GetAsync(AuthorizeUrl(shop, "s"));
        return ParseQuery(response.Headers.Location!)["code"];
    }

    internal static JsonObject TokenRequest(ShopifyEmulator shop, string code, bool expiring = false, string? secret = null)
    {
        var body = new JsonObject { ["client_id"] = shop.ClientId, ["client_secret"] = secret ?? shop.ClientSecret, ["code"] = code };
        if (expiring)
        {
            body["expiring"] = "1";
        }

        return body;
    }

    internal static JsonObject RefreshRequest(ShopifyEmulator shop, string refreshToken) => new()
    {
        ["client_id"] = shop.ClientId,
        ["client_secret"] = shop.ClientSecret,
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    };

    internal static Dictionary<string, string> ParseQuery(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : ""), StringComparer.Ordinal);

    // shopify.dev authorization-code-grant, "Verify the installation request": remove hmac, sort the rest
    // lexicographically, join as key=value with '&', HMAC-SHA256 with the client secret, hex digest.
    internal static string ShopifyHexHmac(Dictionary<string, string> query, string secret)
    {
        var message = string.Join("&", query.Where(p => p.Key != "hmac").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(message)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    internal static string DecodeHost(string host) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(host.PadRight(host.Length + ((4 - (host.Length % 4)) % 4), '=')));
}
