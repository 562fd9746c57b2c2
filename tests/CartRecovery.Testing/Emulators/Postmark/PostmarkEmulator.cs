using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>
/// Postmark's email API on loopback (127.0.0.1, random port): <c>POST /email</c> and <c>POST /email/batch</c> validated
/// like the real API (token, JSON headers, required fields, streams, the 500-message cap, inactive recipients), every
/// request and accepted message recorded, failures and delays queued on demand, and outbound webhooks posted back the
/// way Postmark posts them (JSON body, HTTP Basic credentials from the URL or given explicitly).
/// </summary>
public sealed partial class PostmarkEmulator : LoopbackServer
{
    /// <summary>The token <see cref="PostmarkEmulatorOptions.ServerTokens"/> accepts unless told otherwise.</summary>
    public const string DefaultServerToken = "emulator-server-token";

    private readonly PostmarkEmulatorState _state = new();
    private readonly HttpClient _outbound = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private PostmarkEmulator(PostmarkEmulatorOptions options)
    {
        Options = options;
        var router = new PostmarkEmulatorRouter(_state, options);
        App.Run(router.HandleAsync);
    }

    public PostmarkEmulatorOptions Options { get; }

    /// <summary>Accepted messages, in order.</summary>
    public IReadOnlyList<PostmarkEmulatorMessage> Messages
    {
        get { lock (_state.Gate) return [.. _state.Messages]; }
    }

    /// <summary>Every request received (accepted, refused or failed on purpose), in order.</summary>
    public IReadOnlyList<PostmarkEmulatorRequest> Requests
    {
        get { lock (_state.Gate) return [.. _state.Requests]; }
    }

    public IReadOnlyList<PostmarkWebhookDelivery> Webhooks
    {
        get { lock (_state.Gate) return [.. _state.Webhooks]; }
    }

    /// <summary>
    /// Addresses on the suppression list (of every stream, for simplicity): sends to them are refused with ErrorCode 406.
    /// Change it between requests, not while one is in flight.
    /// </summary>
    public ISet<string> InactiveRecipients => _state.InactiveRecipients;

    public static async Task<PostmarkEmulator> StartAsync(PostmarkEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new PostmarkEmulator(options ?? new PostmarkEmulatorOptions());
        await emulator.ListenAsync(ct);
        return emulator;
    }

    /// <summary>
    /// The next <paramref name="count"/> requests fail with <paramref name="status"/> (429, 500, 503...) before any check.
    /// 429 carries ErrorCode 429 and 503 ErrorCode 100 (maintenance); a 500 answers an HTML page, since nothing documents
    /// its body and a client must cope with a proxy's page anyway.
    /// </summary>
    public void FailNext(int count, int status, int? errorCode = null, string? message = null)
    {
        var body = status switch
        {
            500 when errorCode is null && message is null => "<html><body><h1>500 Internal Server Error</h1></body></html>",
            429 => PostmarkEmulatorRouter.Error(errorCode ?? 429, message ?? "Rate limit exceeded. Please slow down and try again."),
            503 => PostmarkEmulatorRouter.Error(errorCode ?? 100, message ?? "The Postmark API is offline for maintenance."),
            _ => PostmarkEmulatorRouter.Error(errorCode ?? 0, message ?? "Emulated failure."),
        };
        lock (_state.Gate)
        {
            for (var i = 0; i < count; i++)
                _state.Faults.Enqueue(new PostmarkEmulatorFault(status, body, TimeSpan.Zero));
        }
    }

    /// <summary>The next <paramref name="count"/> requests are answered normally, but only after <paramref name="delay"/>.</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        lock (_state.Gate)
        {
            for (var i = 0; i < count; i++)
                _state.Faults.Enqueue(new PostmarkEmulatorFault(0, "", delay));
        }
    }

    /// <summary>
    /// Posts the documented example of <paramref name="recordType"/> (Delivery, Bounce = a hard bounce, SpamComplaint,
    /// Open = a first open, Click = of the first link in the HTML, SubscriptionChange = an unsubscribe) for the recorded
    /// message <paramref name="messageId"/>. Other variants: build them with <see cref="PostmarkWebhookPayloads"/>.
    /// </summary>
    public Task<PostmarkWebhookDelivery> SendWebhookAsync(Uri target, string recordType, string messageId,
        string? basicAuthUser = null, string? basicAuthPassword = null, CancellationToken ct = default)
    {
        PostmarkEmulatorMessage message;
        lock (_state.Gate)
            message = _state.Messages.Single(m => m.MessageId == messageId);
        var at = Options.Time.GetUtcNow();
        var payload = recordType switch
        {
            "Delivery" => PostmarkWebhookPayloads.Delivery(message, at, Options.ServerId),
            "Bounce" => PostmarkWebhookPayloads.Bounce(message, at, hard: true, Options.ServerId),
            "SpamComplaint" => PostmarkWebhookPayloads.SpamComplaint(message, at, Options.ServerId),
            "Open" => PostmarkWebhookPayloads.Open(message, at),
            "Click" => PostmarkWebhookPayloads.Click(message, at, FirstLink(message.HtmlBody) ?? "https://example.com"),
            "SubscriptionChange" => PostmarkWebhookPayloads.SubscriptionChange(message, at, serverId: Options.ServerId),
            _ => throw new ArgumentException($"Postmark posts no '{recordType}' webhook.", nameof(recordType)),
        };
        return SendWebhookAsync(target, payload, basicAuthUser, basicAuthPassword, ct);
    }

    /// <summary>
    /// Posts <paramref name="payload"/> as Postmark does: JSON, HTTP Basic auth when credentials are given or sit in the
    /// URL (<c>https://user:pass@host/path</c>, sent as a header, not in the request line), and a retry-stable
    /// <c>X-PM-Webhook-Trace-Id</c> (named in Postmark's postmark-skills webhook guide, not on a stored docs page).
    /// </summary>
    public async Task<PostmarkWebhookDelivery> SendWebhookAsync(Uri target, JsonObject payload,
        string? basicAuthUser = null, string? basicAuthPassword = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(payload);
        if (basicAuthUser is null && target.UserInfo.Length > 0)
        {
            var parts = target.UserInfo.Split(':', 2);
            basicAuthUser = Uri.UnescapeDataString(parts[0]);
            basicAuthPassword = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        var url = new UriBuilder(target) { UserName = "", Password = "" }.Uri;
        var body = payload.ToJsonString(PostmarkEmulatorRouter.Json);
        var traceId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-PM-Webhook-Trace-Id", traceId);
        if (basicAuthUser is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basicAuthUser}:{basicAuthPassword}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        int? status;
        try
        {
            using var response = await _outbound.SendAsync(request, ct);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = null;
        }
        var delivery = new PostmarkWebhookDelivery(url, (string?)payload["RecordType"] ?? "", body, traceId, status);
        lock (_state.Gate)
            _state.Webhooks.Add(delivery);
        return delivery;
    }

    protected override ValueTask DisposeOwnedAsync()
    {
        _outbound.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? FirstLink(string? html) =>
        html is null ? null : HrefPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("""href\s*=\s*["'](https?://[^"']+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();
}
