using System.Collections.Concurrent;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>A loopback endpoint standing in for the app: records what arrives and answers with scripted statuses.</summary>
internal sealed class WebhookReceiver : LoopbackServer
{
    private readonly ConcurrentQueue<int> _statuses = new();

    private WebhookReceiver()
    {
        App.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            Received.Enqueue((new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body.ToArray()));
            await Task.Delay(Delay);
            context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : 200;
        });
    }

    public Uri Url => new(BaseUrl, "webhooks/shopify");

    public ConcurrentQueue<(IHeaderDictionary Headers, byte[] Body)> Received { get; } = new();

    /// <summary>How long each answer takes; longer than the emulator's webhook timeout simulates a slow app.</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var receiver = new WebhookReceiver();
        foreach (var status in statuses)
        {
            receiver._statuses.Enqueue(status);
        }

        await receiver.ListenAsync(TestContext.Current.CancellationToken);
        return receiver;
    }
}
