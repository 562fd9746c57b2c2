using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>A loopback endpoint that records the webhooks posted to it and answers 200.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedWebhook> _received = [];

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
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

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/webhooks/postmark");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedWebhook(string Path, string? ContentType, string? Authorization, string? TraceId, string Body);
