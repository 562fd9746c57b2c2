using CartRecovery.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>A loopback endpoint that records the webhooks posted to it and answers 200.</summary>
internal sealed class WebhookReceiver : LoopbackServer
{
    private readonly List<ReceivedWebhook> _received = [];

    private WebhookReceiver()
    {
        App.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (_received)
            {
                _received.Add(new ReceivedWebhook(context.Request.Path.Value ?? "", context.Request.ContentType,
                    context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["X-PM-Webhook-Trace-Id"].FirstOrDefault(), body));
            }
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
    }

    public Uri Url => new(BaseUrl, "webhooks/postmark");

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.ListenAsync(TestContext.Current.CancellationToken);
        return receiver;
    }
}

internal sealed record ReceivedWebhook(string Path, string? ContentType, string? Authorization, string? TraceId, string Body);
