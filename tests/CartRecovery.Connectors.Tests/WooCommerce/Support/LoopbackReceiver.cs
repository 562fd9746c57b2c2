using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Connectors.Tests.WooCommerce.Support;

/// <summary>A request the receiver got, with the raw body bytes (signatures cover bytes, not parsed JSON).</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A loopback HTTP endpoint standing in for CartRecovery's host: it receives what the emulated WooCommerce sends
/// (webhook pings and deliveries, the wc-auth key callback) and answers with what <see cref="Respond"/> decides.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private LoopbackReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async http =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var request = new ReceivedRequest(http.Request.Method, http.Request.Path.Value ?? "",
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray());
            _received.Enqueue(request);
            http.Response.StatusCode = await Respond(request);
        });
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The status to answer; 200 unless a test says otherwise.</summary>
    public Func<ReceivedRequest, Task<int>> Respond { get; set; } = _ => Task.FromResult(StatusCodes.Status200OK);

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var receiver = new LoopbackReceiver();
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
