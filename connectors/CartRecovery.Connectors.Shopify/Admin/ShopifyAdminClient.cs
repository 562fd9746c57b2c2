using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>
/// Small client for the GraphQL Admin API (https://shopify.dev/docs/api/admin-graphql), and for the read-only Storefront
/// API queries the app makes (https://shopify.dev/docs/api/storefront), which share its transport. Every argument travels in
/// <c>variables</c>, never in the query text. Queries are retried on throttling, 429, 5xx and timeouts; mutations only when
/// Shopify provably did not run them (THROTTLED, 429), because a retried mutation could create a second discount.
/// Failures surface as <see cref="ShopifyApiException"/>. The client does not log.
/// </summary>
internal sealed class ShopifyAdminClient
{
    internal const int MaxThrottleRetries = 5;
    internal const int MaxTransientRetries = 3;
    internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private const int ExcerptLength = 500;

    private readonly HttpClient _http;
    private readonly IOptions<ShopifyOptions> _options;
    private readonly TimeProvider _time;

    public ShopifyAdminClient(HttpClient http, IOptions<ShopifyOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _options = options;
        _time = time;
    }

    /// <summary>Runs a read-only query and returns its <c>data</c>.</summary>
    public Task<JsonElement> QueryAsync(ShopifyConnection connection, string query, object? variables, CancellationToken ct) =>
        SendAsync(connection, query, variables, idempotent: true, ct);

    /// <summary>Runs a mutation and returns its <c>data</c> (the caller checks the payload's <c>userErrors</c>).</summary>
    public Task<JsonElement> MutateAsync(ShopifyConnection connection, string mutation, object? variables, CancellationToken ct) =>
        SendAsync(connection, mutation, variables, idempotent: false, ct);

    /// <summary>
    /// Runs a read-only Storefront API query at <c>{shop}/api/{version}/graphql.json</c> with a storefront access token
    /// (header <c>X-Shopify-Storefront-Access-Token</c>) and returns its <c>data</c>; same retries and failures as a query.
    /// </summary>
    public Task<JsonElement> StorefrontQueryAsync(Uri shopBaseUrl, string storefrontToken, string query, object? variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shopBaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(storefrontToken);
        return SendAsync(ShopifyEndpoints.StorefrontGraphQl(shopBaseUrl, _options.Value.ApiVersion), ("X-Shopify-Storefront-Access-Token", storefrontToken),
            query, variables, idempotent: true, ct);
    }

    private Task<JsonElement> SendAsync(ShopifyConnection connection, string query, object? variables, bool idempotent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return SendAsync(ShopifyEndpoints.GraphQl(connection.ShopBaseUrl, _options.Value.ApiVersion), ("X-Shopify-Access-Token", connection.AccessToken),
            query, variables, idempotent, ct);
    }

    private async Task<JsonElement> SendAsync(Uri url, (string Name, string Value) token, string query, object? variables, bool idempotent, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var body = JsonSerializer.Serialize(new { query, variables = variables ?? new Dictionary<string, object?>() });
        var throttled = 0;
        var transient = 0;
        while (true)
        {
            var attempt = await AttemptAsync(url, token, body, ct);
            if (attempt.Error is null)
                return attempt.Data;
            if (attempt.NotExecuted && throttled < MaxThrottleRetries)
            {
                throttled++;
                await Task.Delay(attempt.Wait, _time, ct);
                continue;
            }
            if (idempotent && attempt.Error.IsTransient && !attempt.NotExecuted && transient < MaxTransientRetries)
            {
                await Task.Delay(Backoff(transient), _time, ct);
                transient++;
                continue;
            }
            throw attempt.Error;
        }
    }

    private async Task<Attempt> AttemptAsync(Uri url, (string Name, string Value) token, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(token.Name, token.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // The attempt timeout runs on the injected clock, so tests decide when it fires.
        using var timeout = new CancellationTokenSource(AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return Interpret(response, text);
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            return Attempt.Failed(new ShopifyApiException(
                $"Shopify did not answer within {AttemptTimeout.TotalSeconds:0} s.", null, isTransient: true, innerException: error));
        }
        catch (HttpRequestException error)
        {
            return Attempt.Failed(new ShopifyApiException($"Could not reach Shopify: {error.Message}", null, isTransient: true, innerException: error));
        }
    }

    private static Attempt Interpret(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var excerpt = text.Length <= ExcerptLength ? text : text[..ExcerptLength];
        var retryAfter = RetryAfter(response);

        if (status == 429)
        {
            // Too Many Requests: the request was not run, so even a mutation may go again.
            var wait = retryAfter ?? TryWaitFromBody(text) ?? ShopifyThrottle.DefaultWait;
            return Attempt.Throttled(new ShopifyApiException("Shopify rate limit reached (429).", status, true, requestId, excerpt, wait, "THROTTLED"), wait);
        }
        if (status is 401 or 403)
            return Attempt.Failed(new ShopifyApiException(
                status == 401 ? "Shopify rejected the access token (401)." : "Shopify denied access to this resource (403).",
                status, false, requestId, excerpt));
        if (status >= 500)
            return Attempt.Failed(new ShopifyApiException($"Shopify answered {status}.", status, true, requestId, excerpt, retryAfter));
        if (status is < 200 or >= 300)
            return Attempt.Failed(new ShopifyApiException($"Shopify answered {status}.", status, false, requestId, excerpt));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            // A maintenance or proxy page instead of JSON: worth another try later.
            return Attempt.Failed(new ShopifyApiException("Shopify answered with something that is not JSON.", status, true, requestId, excerpt, innerException: error));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Attempt.Failed(new ShopifyApiException("Shopify answered with an unexpected JSON shape.", status, false, requestId, excerpt));
            if (ShopifyThrottle.IsThrottled(root))
            {
                var wait = ShopifyThrottle.WaitFor(root);
                return Attempt.Throttled(new ShopifyApiException("Shopify throttled the query (THROTTLED).", status, true, requestId, excerpt, wait, "THROTTLED"), wait);
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                var (message, code) = Describe(errors);
                var transient = code is "INTERNAL_SERVER_ERROR";
                return Attempt.Failed(new ShopifyApiException($"Shopify GraphQL error: {message}", status, transient, requestId, excerpt, errorCode: code));
            }
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                return Attempt.Failed(new ShopifyApiException("Shopify answered without data.", status, false, requestId, excerpt));
            return Attempt.Succeeded(data.Clone());
        }
    }

    private static (string Message, string? Code) Describe(JsonElement errors)
    {
        if (errors.ValueKind == JsonValueKind.String)
            return (errors.GetString() ?? "unknown error", null);
        if (errors.ValueKind != JsonValueKind.Array)
            return (errors.GetRawText(), null);
        var messages = new List<string>();
        string? code = null;
        foreach (var error in errors.EnumerateArray())
        {
            code ??= ShopifyThrottle.ErrorCode(error);
            messages.Add(error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!
                : error.GetRawText());
        }
        return (messages.Count == 0 ? "unknown error" : string.Join("; ", messages), code);
    }

    private static TimeSpan? TryWaitFromBody(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? ShopifyThrottle.WaitFor(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        // Shopify's REST API sends fractional seconds ("2.0"), which the typed header parser rejects.
        return response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }

    /// <summary>Exponential backoff (1 s, 2 s, 4 s...) with up to 20% jitter so that many stores don't retry in step.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var baseMs = FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt);
        return TimeSpan.FromMilliseconds(baseMs + RandomNumberGenerator.GetInt32(0, (int)(baseMs / 5) + 1));
    }

    private readonly record struct Attempt(JsonElement Data, ShopifyApiException? Error, bool NotExecuted, TimeSpan Wait)
    {
        public static Attempt Succeeded(JsonElement data) => new(data, null, false, TimeSpan.Zero);

        public static Attempt Failed(ShopifyApiException error) => new(default, error, false, TimeSpan.Zero);

        public static Attempt Throttled(ShopifyApiException error, TimeSpan wait) => new(default, error, true, wait);
    }
}
