using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>Raw HTTP calls the self-tests make against the emulator, the way a Shopify client would.</summary>
internal sealed class EmulatorHttp : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private readonly ShopifyEmulator _shop;

    public EmulatorHttp(ShopifyEmulator shop) => _shop = shop;

    public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonObject body) =>
        _http.PostAsync(new Uri(_shop.BaseUrl, path), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public async Task<(int Status, JsonObject Body)> TokenAsync(JsonObject body)
    {
        using var response = await PostJsonAsync("admin/oauth/access_token", body);
        return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public async Task<(int Status, JsonObject Body)> GraphQlAsync(string? token, string query, JsonObject? variables = null, string version = "2026-07")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _shop.GraphQlUrl(version))
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables ?? [] }),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["raw"] = text });
    }

    public void Dispose() => _http.Dispose();
}
