using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>A response body with the headers a caller may need (paging).</summary>
internal sealed record WooCommerceResponse(JsonElement Body, HttpResponseHeaders Headers);

/// <summary>Sends one REST call and turns every failure into a <see cref="WooCommerceApiException"/>.</summary>
internal sealed class WooCommerceTransport(IHttpClientFactory httpClients)
{
    private const int ExcerptLength = 300;

    public async Task<WooCommerceResponse> SendAsync(
        HttpMethod method,
        WooCommerceConnection connection,
        string route,
        IReadOnlyList<KeyValuePair<string, string>> query,
        JsonNode? body,
        bool anonymous,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, WooCommerceRequestOptions.BuildUri(connection.RequestUrl(route), query));
        request.Options.Set(WooCommerceRequestOptions.Connection, connection);
        request.Options.Set(WooCommerceRequestOptions.Route, route);
        request.Options.Set(WooCommerceRequestOptions.Query, query);
        request.Options.Set(WooCommerceRequestOptions.Anonymous, anonymous);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // JSON bodies are not part of the OAuth signature (only $_GET and $_POST are), so they need no signing.
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        var http = httpClients.CreateClient(WooCommerceClient.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutRejectedException
            || (error is TaskCanceledException && !ct.IsCancellationRequested))
        {
            var what = error is HttpRequestException ? "could not reach the store" : "timed out";
            throw new WooCommerceApiException(0, null, $"WooCommerce {method} {route} {what}.", innerException: error);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw await ToExceptionAsync(method, route, response, ct);
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                return new WooCommerceResponse(document.RootElement.Clone(), response.Headers);
            }
            catch (JsonException error)
            {
                // A caching plugin or a PHP notice printed before the JSON: the store answered, but not with the API.
                throw new WooCommerceApiException((int)response.StatusCode, "invalid_json",
                    $"WooCommerce {method} {route} answered with something that is not JSON.", innerException: error);
            }
        }
    }

    private static async Task<WooCommerceApiException> ToExceptionAsync(HttpMethod method, string route, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        var excerpt = text.Length > ExcerptLength ? text[..ExcerptLength] : text;
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = WooJson.String(document.RootElement, "code");
                message = WooJson.String(document.RootElement, "message");
            }
        }
        catch (JsonException)
        {
            // Not WordPress's error envelope (a proxy's HTML page): the excerpt says what it was.
        }
        var status = (int)response.StatusCode;
        var summary = $"WooCommerce {method} {route} failed with {status}" + (code is null ? "" : $" {code}") + (message is null ? "." : $": {Shorten(message)}");
        return new WooCommerceApiException(status, code, summary, excerpt, RetryAfter(response));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - (response.Headers.Date ?? date);
        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }

    private static string Shorten(string message) => message.Length > 200 ? message[..200] + "…" : message;
}
