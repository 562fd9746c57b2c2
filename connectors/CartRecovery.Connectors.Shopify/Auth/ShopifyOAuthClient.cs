using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Shopify's token endpoint: exchanges an authorization code or a session token, refreshes an expiring offline token. No call is
/// retried here (a code works once; the caller owns refresh retries). Failures are <see cref="ShopifyApiException"/>; the
/// client does not log.
/// </summary>
internal sealed class ShopifyOAuthClient
{
    private const int ExcerptLength = 300;
    private readonly HttpClient _http;
    private readonly IOptions<ShopifyOptions> _options;

    public ShopifyOAuthClient(HttpClient http, IOptions<ShopifyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    /// <summary>Exchanges the callback's code for an expiring offline token (<c>expiring: "1"</c>).</summary>
    public Task<ShopifyTokenResponse> ExchangeCodeAsync(Uri shopBase, string code, CancellationToken ct) =>
        PostAsync(shopBase, new Dictionary<string, string>
        {
            ["client_id"] = _options.Value.ClientId,
            ["client_secret"] = _options.Value.ClientSecret,
            ["code"] = code,
            ["expiring"] = "1",
        }, ct);

    /// <summary>
    /// Token exchange (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange):
    /// trades a verified session token for an expiring offline access token and its refresh token, with no redirect.
    /// </summary>
    public Task<ShopifyTokenResponse> ExchangeSessionTokenAsync(Uri shopBase, string sessionToken, CancellationToken ct) =>
        PostAsync(shopBase, new Dictionary<string, string>
        {
            ["client_id"] = _options.Value.ClientId,
            ["client_secret"] = _options.Value.ClientSecret,
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = sessionToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:id_token",
            ["requested_token_type"] = "urn:shopify:params:oauth:token-type:offline-access-token",
            ["expiring"] = "1",
        }, ct);

    /// <summary>Trades the refresh token for a new access token and a new refresh token.</summary>
    public Task<ShopifyTokenResponse> RefreshAsync(Uri shopBase, string refreshToken, CancellationToken ct) =>
        PostAsync(shopBase, new Dictionary<string, string>
        {
            ["client_id"] = _options.Value.ClientId,
            ["client_secret"] = _options.Value.ClientSecret,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, ct);

    private async Task<ShopifyTokenResponse> PostAsync(Uri shopBase, Dictionary<string, string> body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shopBase);
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(ShopifyEndpoints.AccessToken(shopBase), body, ct);
        }
        catch (HttpRequestException error)
        {
            throw new ShopifyApiException($"Could not reach Shopify: {error.Message}", null, isTransient: true, innerException: error);
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw new ShopifyApiException("Shopify's token endpoint did not answer in time.", null, isTransient: true, innerException: error);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
            var excerpt = text.Length <= ExcerptLength ? text : text[..ExcerptLength];
            if (!response.IsSuccessStatusCode)
                throw new ShopifyApiException($"Shopify's token endpoint answered {status}.", status, status is 429 or >= 500, requestId, excerpt);
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var accessToken = String(root, "access_token");
                if (string.IsNullOrEmpty(accessToken))
                    throw new ShopifyApiException("Shopify's token response has no access_token.", status, false, requestId);
                return new ShopifyTokenResponse(accessToken, String(root, "scope"), Seconds(root, "expires_in"),
                    String(root, "refresh_token"), Seconds(root, "refresh_token_expires_in"));
            }
            catch (JsonException error)
            {
                throw new ShopifyApiException("Shopify's token response is not JSON.", status, false, requestId, innerException: error);
            }
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? Seconds(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
