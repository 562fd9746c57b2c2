using System.Collections.Concurrent;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
internal sealed class LoopbackReceiver : LoopbackServer
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private LoopbackReceiver()
    {
        App.Run(async http =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var request = new ReceivedRequest(http.Request.Method, http.Request.Path.Value ?? "",
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray());
            _received.Enqueue(request);
            http.Response.StatusCode = await Respond(request);
        });
    }

    /// <summary>The status to answer; 200 unless a test says otherwise.</summary>
    public Func<ReceivedRequest, Task<int>> Respond { get; set; } = _ => Task.FromResult(StatusCodes.Status200OK);

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var receiver = new LoopbackReceiver();
        await receiver.ListenAsync(TestContext.Current.CancellationToken);
        return receiver;
    }
}
