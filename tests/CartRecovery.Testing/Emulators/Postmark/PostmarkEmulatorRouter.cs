using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>
/// Serves <c>POST /email</c>, <c>POST /email/batch</c> and the outbound search <c>GET /messages/outbound</c> in the order Postmark checks a request: the token (401,
/// ErrorCode 10), JSON headers (415), the body, then each message (422 with the API ErrorCode; inside a batch, per item
/// with HTTP 200). See https://postmarkapp.com/developer/api/overview and .../user-guide/send-email-with-api/batch-emails.
/// </summary>
internal sealed class PostmarkEmulatorRouter(PostmarkEmulatorState state, PostmarkEmulatorOptions options)
{
    public const int MaxBatchSize = 500;

    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        PostmarkEmulatorFault? fault = null;
        lock (state.Gate)
            state.Faults.TryDequeue(out fault);
        if (fault is { Delay.Ticks: > 0 })
            await Task.Delay(fault.Delay, context.RequestAborted);

        var (status, answer) = fault is { Status: > 0 } ? (fault.Status, fault.Body) : Handle(context.Request, body);
        // Not cancelled with the request: the message is accepted, only the answer is late.
        if (options.SendLatency > TimeSpan.Zero && HttpMethods.IsPost(context.Request.Method) && status == 200)
            await Task.Delay(options.SendLatency, CancellationToken.None);
        lock (state.Gate)
        {
            state.Requests.Add(new PostmarkEmulatorRequest(context.Request.Method, context.Request.Path.Value ?? "", status,
                context.Request.Headers["X-Postmark-Server-Token"].FirstOrDefault(), context.Request.ContentType,
                context.Request.Headers.Accept.FirstOrDefault(), options.KeepContent ? body : "", options.KeepContent ? answer : ""));
        }
        context.Response.StatusCode = status;
        if (answer.Length > 0)
        {
            context.Response.ContentType = answer.StartsWith('<') ? "text/html" : "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer, context.RequestAborted);
        }
    }

    public static string Error(int errorCode, string message) =>
        new JsonObject { ["ErrorCode"] = errorCode, ["Message"] = message }.ToJsonString(Json);

    private (int Status, string Body) Handle(HttpRequest request, string body)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        var search = HttpMethods.IsGet(request.Method) && path == "/messages/outbound";
        if (!search && (!HttpMethods.IsPost(request.Method) || path is not ("/email" or "/email/batch")))
            return (404, "");

        var token = request.Headers["X-Postmark-Server-Token"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(token))
        {
            return (401, Error(10, "No Account or Server API tokens were supplied in the HTTP headers. "
                + "Please add a header for either X-Postmark-Server-Token or X-Postmark-Account-Token."));
        }
        if (!options.ServerTokens.Contains(token))
            return (401, Error(10, "Request does not contain a valid Server token."));
        if (search)
        {
            if (!AcceptsJson(request.Headers.Accept.ToString()))
                return (415, Error(409, "JSON data required. Set the Accept header to application/json."));
            lock (state.Gate)
                return PostmarkEmulatorSearch.Outbound(request.Query, state.Messages);
        }
        if (!IsJson(request.ContentType) || !AcceptsJson(request.Headers.Accept.ToString()))
            return (415, Error(409, "JSON data required. Set the Accept and Content-Type headers to application/json."));

        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (422, Error(402, "Received invalid JSON input."));
        }

        if (path == "/email")
        {
            if (payload is not JsonObject message)
                return (422, Error(403, "Incompatible JSON input: a single send takes one message object."));
            var result = Accept(message, token);
            return (result["ErrorCode"]!.GetValue<int>() == 0 ? 200 : 422, result.ToJsonString(Json));
        }
        if (payload is not JsonArray batch)
            return (422, Error(403, "Incompatible JSON input: a batch is an array of message objects."));
        if (batch.Count > MaxBatchSize)
            return (422, Error(410, $"You may only send up to {MaxBatchSize} messages in a single batched request."));
        // The batch call itself succeeds; each item says whether its message was accepted.
        var results = new JsonArray();
        foreach (var item in batch)
            results.Add(item is JsonObject message ? Accept(message, token) : Refusal(403, "Incompatible JSON input: expected a message object."));
        return (200, results.ToJsonString(Json));
    }

    private JsonObject Accept(JsonObject message, string token)
    {
        PostmarkEmulatorMessage recorded;
        lock (state.Gate)
        {
            if (PostmarkEmulatorValidation.Check(message, options, state.InactiveRecipients) is { } refusal)
                return Refusal(refusal.ErrorCode, refusal.Message);
            recorded = Record(message) with { ServerToken = token };
            state.Messages.Add(recorded);
        }
        return new JsonObject
        {
            ["To"] = recorded.To,
            ["SubmittedAt"] = recorded.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffffffK", CultureInfo.InvariantCulture),
            ["MessageID"] = recorded.MessageId,
            ["ErrorCode"] = 0,
            ["Message"] = "OK",
        };
    }

    private PostmarkEmulatorMessage Record(JsonObject message)
    {
        var stream = PostmarkEmulatorValidation.Text(message, "MessageStream");
        return new PostmarkEmulatorMessage
        {
            MessageId = Guid.NewGuid().ToString(),
            SubmittedAt = options.Time.GetUtcNow(),
            From = PostmarkEmulatorValidation.Text(message, "From")!,
            To = PostmarkEmulatorValidation.Text(message, "To") ?? "",
            Subject = (string?)message["Subject"],
            HtmlBody = options.KeepContent ? (string?)message["HtmlBody"] : null,
            TextBody = options.KeepContent ? (string?)message["TextBody"] : null,
            ReplyTo = (string?)message["ReplyTo"],
            MessageStream = stream ?? "outbound",
            MessageStreamWasSet = stream is not null,
            Tag = (string?)message["Tag"],
            Metadata = message["Metadata"] is JsonObject metadata
                ? metadata.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
                : new Dictionary<string, string>(),
            Headers = message["Headers"] is JsonArray headers
                ? [.. headers.OfType<JsonObject>().Select(h => KeyValuePair.Create((string?)h["Name"] ?? "", (string?)h["Value"] ?? ""))]
                : [],
            TrackOpens = message["TrackOpens"] is JsonValue open && open.TryGetValue<bool>(out var track) ? track : null,
            TrackLinks = (string?)message["TrackLinks"],
            Json = options.KeepContent ? (JsonObject)message.DeepClone() : [],
        };
    }

    private static JsonObject Refusal(int errorCode, string message) => new() { ["ErrorCode"] = errorCode, ["Message"] = message };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    // No Accept header at all is taken as "anything"; one that rules JSON out is refused like a missing Content-Type.
    private static bool AcceptsJson(string accept) =>
        string.IsNullOrWhiteSpace(accept)
        || accept.Split(',').Select(a => a.Split(';')[0].Trim()).Any(a => a is "application/json" or "application/*" or "*/*");
}
