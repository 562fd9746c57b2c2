using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Postmark.Webhooks;

/// <summary>
/// <c>POST /webhooks/postmark</c>: delivery, bounce, spam complaint, open, click and subscription-change events. They
/// are small, idempotent updates applied at once (Postmark retries what fails). Bad credentials get 401; an event for a
/// message we do not know is acknowledged and ignored, so Postmark never loops on it.
/// </summary>
internal static partial class PostmarkWebhookEndpoint
{
    public static IEndpointRouteBuilder MapPostmarkWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/postmark", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<PostmarkWebhookOptions> options, IMessageRepository messages,
        OptOut optOut, ISuppressionList suppressions, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!Authorized(request, options.Value))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"postmark\"";
            return Results.Unauthorized();
        }
        var body = await WebhookBody.ReadAsync(request.Body, request.ContentLength, ct);
        if (body is null)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        if (WebhookBody.ParseJson(body) is not { } json)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed body", detail: "The body must be a JSON document in UTF-8.");
        var evt = PostmarkWebhookParser.Parse(json);

        var message = evt is null ? null : await FindMessageAsync(evt, messages, ct);
        if (evt is null || message is null)
            return Results.Ok();

        var at = evt.OccurredAt ?? time.GetUtcNow();
        switch (evt.RecordType)
        {
            case PostmarkRecordType.Delivery:
                await messages.RecordDeliveredAsync(message.Id, at, ct);
                break;
            case PostmarkRecordType.Open:
                await messages.RecordOpenAsync(message.Id, at, ct);
                break;
            case PostmarkRecordType.Click:
                await messages.RecordClickAsync(message.Id, at, ct);
                break;
        }

        var recipient = evt.Recipient ?? message.Recipient;
        if (recipient is not null && evt.ShouldSuppress)
        {
            var reason = OptOutReasons.FromProvider("postmark", evt.RecordType.ToString(), evt.BounceType ?? evt.SuppressionReason);
            await optOut.RecordAsync(new(message.StoreId, recipient, reason, message.CartId, at), ct);
            Log.Suppressed(loggers.CreateLogger(typeof(PostmarkWebhookEndpoint)), message.StoreId, evt.RecordType.ToString());
        }
        else if (recipient is not null && evt.ShouldUnsuppress)
        {
            await suppressions.RemoveAsync(message.StoreId, recipient, ct);
        }
        return Results.Ok();
    }

    /// <summary>By Postmark's MessageID (stored when we sent), else by the message id we put in the Metadata.</summary>
    private static async Task<OutboundMessage?> FindMessageAsync(PostmarkWebhookEvent evt, IMessageRepository messages, CancellationToken ct)
    {
        if (evt.MessageId is { Length: > 0 } providerId && await messages.FindByProviderIdAsync(providerId, ct) is { } byProvider)
            return byProvider;
        return evt.Metadata.TryGetValue("message_id", out var raw) && long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await messages.GetAsync(id, ct)
            : null;
    }

    private static bool Authorized(HttpRequest request, PostmarkWebhookOptions options)
    {
        if (options.Username.Length == 0 || options.Password.Length == 0)
            return false;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        string presented;
        try
        {
            presented = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        // Hashing both sides makes the comparison constant-time whatever the lengths.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
        return CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }

    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Information, "Recipient of store {StoreId} suppressed after a Postmark {RecordType} event")]
        public static partial void Suppressed(ILogger logger, long storeId, string recordType);
    }
}
