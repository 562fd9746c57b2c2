using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Connectors.Tests.Shopify;

/// <summary>A request as the fake handler saw it, with its body read.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The GraphQL query text.</summary>
    public string Query => Json.GetProperty("query").GetString()!;

    public JsonElement Variables => Json.GetProperty("variables");

    public bool IsGraphQl => Uri.AbsolutePath.EndsWith("/graphql.json", StringComparison.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Stands in for Shopify: answers each request with what the test's responder returns and records it, so a test can
/// assert on URLs, headers and GraphQL variables, and wait for the n-th request to arrive.
/// </summary>
internal sealed class FakeShopifyHandler(Func<RecordedRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public IReadOnlyList<RecordedRequest> GraphQl => Requests.Where(r => r.IsGraphQl).ToList();

    /// <summary>Answers with the given responses in order (the last one repeats).</summary>
    public static FakeShopifyHandler Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var next = 0;
        return new FakeShopifyHandler(_ => responses[Math.Min(Interlocked.Increment(ref next) - 1, responses.Length - 1)]());
    }

    public HttpClient Client() => new(this, disposeHandler: false);

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_requests.Count < count)
            await _arrived.WaitAsync(timeout.Token);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        _requests.Enqueue(recorded);
        _arrived.Release();
        return respond(recorded);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _arrived.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Responses as Shopify sends them.</summary>
internal static class Respond
{
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? requestId = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (requestId is not null)
            response.Headers.Add("X-Request-Id", requestId);
        return response;
    }

    public static HttpResponseMessage Fixture(string name) => Json(ShopifyFixtures.Read(name));

    /// <summary>A GraphQL success: <c>{"data": data}</c>.</summary>
    public static HttpResponseMessage Data(object data) => Json(JsonSerializer.Serialize(new { data }));

    public static HttpResponseMessage Status(HttpStatusCode status, string body = "") => Json(body, status);
}
