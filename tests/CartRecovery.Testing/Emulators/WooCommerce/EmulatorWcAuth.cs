using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// <c>GET /wc-auth/v1/authorize</c> (class-wc-auth.php) with a merchant who is logged in and clicks "Approve" (or
/// "Deny", <see cref="WooCommerceEmulatorOptions.DenyAuthorization"/>): the key is created, POSTed as JSON to
/// <c>callback_url</c>, deleted again unless the callback answered exactly 200, and the browser is redirected to
/// <c>return_url</c> with <c>success=1&amp;user_id=…</c>.
/// </summary>
internal static class EmulatorWcAuth
{
    private static readonly string[] Required = ["app_name", "user_id", "return_url", "callback_url", "scope"];

    public static async Task AuthorizeAsync(HttpContext http, List<KeyValuePair<string, string>> get, EmulatorState state,
        WooCommerceEmulatorOptions options, HttpClient outbound)
    {
        var data = get.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var name in Required)
        {
            if (string.IsNullOrEmpty(data.GetValueOrDefault(name)))
            {
                await EmulatorHttp.WriteDieAsync(http.Response, 401, $"Missing parameter {name}");
                return;
            }
        }
        if (data["scope"] is not ("read" or "write" or "read_write"))
        {
            await EmulatorHttp.WriteDieAsync(http.Response, 401, $"Invalid scope {data["scope"]}");
            return;
        }
        var returnUrl = Formatted(data["return_url"]);
        var callbackUrl = Formatted(data["callback_url"]);
        foreach (var url in new[] { returnUrl, callbackUrl })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                await EmulatorHttp.WriteDieAsync(http.Response, 401, $"The {url} is not a valid URL");
                return;
            }
        }
        if (!callbackUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !options.AllowHttpCallback)
        {
            await EmulatorHttp.WriteDieAsync(http.Response, 401, "The callback_url needs to be over SSL");
            return;
        }
        var userId = data["user_id"];
        if (options.DenyAuthorization)
        {
            http.Response.Redirect(AddQuery(returnUrl, "success=0&user_id=" + userId));
            return;
        }

        EmulatedApiKey key;
        lock (state.Gate)
        {
            key = new EmulatedApiKey(state.NextKeyId++, "ck_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                "cs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), data["scope"],
                $"{data["app_name"]} - API ({options.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)})");
            state.Keys[key.ConsumerKey] = key;
        }
        var payload = new JsonObject
        {
            ["key_id"] = key.KeyId,
            ["user_id"] = userId,
            ["consumer_key"] = key.ConsumerKey,
            ["consumer_secret"] = key.ConsumerSecret,
            ["key_permissions"] = key.Permissions,
        };
        int? status;
        try
        {
            using var content = new StringContent(PhpJson.Serialize(payload), Encoding.UTF8);
            content.Headers.ContentType = new("application/json") { CharSet = "UTF-8" };
            using var response = await outbound.PostAsync(callbackUrl, content, http.RequestAborted);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = null;
        }
        if (status != 200)
        {
            lock (state.Gate)
                state.Keys.Remove(key.ConsumerKey);
            await EmulatorHttp.WriteDieAsync(http.Response, 401, "An error occurred in the request and at the time were unable to send the consumer data");
            return;
        }
        http.Response.Redirect(AddQuery(returnUrl, "success=1&user_id=" + userId));
    }

    /// <summary><c>get_formatted_url()</c>: url-decoded once more, https assumed without a scheme.</summary>
    private static string Formatted(string url)
    {
        var decoded = PhpQuery.UrlDecode(url);
        return decoded.Contains("://", StringComparison.Ordinal) ? decoded : "https://" + decoded;
    }

    private static string AddQuery(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
}
