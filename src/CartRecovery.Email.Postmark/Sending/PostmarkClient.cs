using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// A small client for Postmark's email API (the official package is not available to us). Registered as a typed
/// <see cref="HttpClient"/> by <see cref="PostmarkServiceCollectionExtensions.AddPostmarkEmail"/>, whose pipeline retries
/// what <see cref="PostmarkRetryRules"/> allows. Failures are thrown as <see cref="PostmarkApiException"/>; nothing is logged.
/// See https://postmarkapp.com/developer/api/email-api.
/// </summary>
internal sealed class PostmarkClient
{
    /// <summary>The batch endpoint's documented cap; Postmark answers a bigger batch with ErrorCode 410.</summary>
    public const int MaxBatchSize = 500;

    /// <summary>Server-level authentication header (account-level calls use X-Postmark-Account-Token; we make none).</summary>
    public const string ServerTokenHeader = "X-Postmark-Server-Token";

    private const int ExcerptLength = 300;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly string _serverToken;
    private readonly Uri _emailUri;
    private readonly Uri _batchUri;
    private readonly Uri _outboundSearchUri;

    public PostmarkClient(HttpClient http, IOptions<PostmarkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ServerToken))
        {
            throw new OptionsValidationException(PostmarkOptions.Section, typeof(PostmarkOptions),
                [$"{PostmarkOptions.Section}:{nameof(PostmarkOptions.ServerToken)} is required to send through Postmark; set it through the environment (Postmark__ServerToken)."]);
        }
        _http = http;
        _serverToken = settings.ServerToken;
        var root = settings.BaseUrl.AbsoluteUri.EndsWith('/') ? settings.BaseUrl : new Uri(settings.BaseUrl.AbsoluteUri + "/");
        _emailUri = new Uri(root, "email");
        _batchUri = new Uri(root, "email/batch");
        _outboundSearchUri = new Uri(root, "messages/outbound");
    }

    /// <summary>Sends one message (<c>POST /email</c>).</summary>
    /// <exception cref="PostmarkApiException">Postmark refused the message or did not answer.</exception>
    public async Task<PostmarkSendResult> SendAsync(PostmarkMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (status, result) = await PostAsync<PostmarkSendResult>(_emailUri, message, ct);
        // Refusals come as 422; a 200 without a MessageID would leave us nothing to match webhooks against.
        if (result is null || !result.Succeeded)
            throw new PostmarkApiException(status, result?.ErrorCode ?? 0, result?.Message ?? "Postmark accepted the request but returned no MessageID.");
        return result;
    }

    /// <summary>
    /// Sends up to 500 messages in one call (<c>POST /email/batch</c>). Postmark answers 200 even when some messages are
    /// refused: the results come back in request order and each must be checked (<see cref="PostmarkSendResult.Succeeded"/>).
    /// See https://postmarkapp.com/developer/user-guide/send-email-with-api/batch-emails.
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBatchSize"/> messages: chunk them first.</exception>
    /// <exception cref="PostmarkApiException">Postmark refused the whole batch or did not answer.</exception>
    public async Task<IReadOnlyList<PostmarkSendResult>> SendBatchAsync(IReadOnlyList<PostmarkMessage> messages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count > MaxBatchSize)
            throw new ArgumentException($"Postmark accepts at most {MaxBatchSize} messages per batch, not {messages.Count}.", nameof(messages));
        if (messages.Count == 0)
            return [];
        var (status, results) = await PostAsync<List<PostmarkSendResult?>>(_batchUri, messages, ct);
        // Results are matched to messages by position only, so a count mismatch makes every one of them unattributable.
        if (results is null || results.Count != messages.Count)
            throw new PostmarkApiException(status, 0, $"Postmark answered a batch of {messages.Count} messages with {results?.Count ?? 0} results.");
        return [.. results.Select(r => r ?? new PostmarkSendResult { ErrorCode = -1, Message = "Postmark returned no result for this message." })];
    }

    /// <summary>
    /// The newest outbound message whose custom metadata has <paramref name="key"/> = <paramref name="value"/>, on
    /// <paramref name="messageStream"/> (<c>GET /messages/outbound?count=1&amp;offset=0&amp;messagestream=…&amp;metadata_{key}=…</c>),
    /// or null when Postmark has none. Postmark searches one metadata field at a time and keeps messages for the
    /// server's retention period (45 days by default).
    /// See https://postmarkapp.com/developer/api/messages-api and https://postmarkapp.com/support/article/1125-custom-metadata-faq.
    /// </summary>
    /// <exception cref="PostmarkApiException">Postmark refused the search or did not answer.</exception>
    public async Task<PostmarkOutboundMessage?> FindOutboundByMetadataAsync(string key, string value, string? messageStream, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var query = $"count=1&offset=0&metadata_{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}";
        if (!string.IsNullOrWhiteSpace(messageStream))
            query += $"&messagestream={Uri.EscapeDataString(messageStream)}";
        var (_, result) = await SendAsync<PostmarkOutboundSearchResult>(HttpMethod.Get, new Uri($"{_outboundSearchUri.AbsoluteUri}?{query}"), null, ct);
        return result?.Messages?.FirstOrDefault(m => !string.IsNullOrEmpty(m.MessageId));
    }

    private Task<(int Status, T? Body)> PostAsync<T>(Uri uri, object payload, CancellationToken ct) => SendAsync<T>(HttpMethod.Post, uri, payload, ct);

    private async Task<(int Status, T? Body)> SendAsync<T>(HttpMethod method, Uri uri, object? payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (payload is not null)
        {
            // Buffered bytes rather than a streamed JsonContent: a retried attempt resends the same body with a Content-Length.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), PostmarkJson.Options));
            request.Content.Headers.ContentType = Json;
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json.MediaType!));
        request.Headers.TryAddWithoutValidation(ServerTokenHeader, _serverToken);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            throw new PostmarkApiException(null, 0, null, inner: error);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw Refusal(response, status, body);
            try
            {
                return (status, JsonSerializer.Deserialize<T>(body, PostmarkJson.Options));
            }
            catch (JsonException error)
            {
                throw new PostmarkApiException(status, 0, "Unreadable answer: " + Excerpt(body), inner: error);
            }
        }
    }

    private static PostmarkApiException Refusal(HttpResponseMessage response, int status, string body)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        try
        {
            // Error bodies carry only ErrorCode and Message.
            var error = JsonSerializer.Deserialize<PostmarkSendResult>(body, PostmarkJson.Options);
            if (error is not null && (error.ErrorCode != 0 || error.Message is not null))
                return new PostmarkApiException(status, error.ErrorCode, error.Message, retryAfter);
        }
        catch (JsonException)
        {
            // A proxy or load balancer answered with HTML or plain text; the excerpt below still helps.
        }
        return new PostmarkApiException(status, 0, string.IsNullOrWhiteSpace(body) ? null : Excerpt(body), retryAfter);
    }

    private static string Excerpt(string body) => body.Length <= ExcerptLength ? body : body[..ExcerptLength] + "…";
}
