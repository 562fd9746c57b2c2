using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Testing;

/// <summary>
/// The one loopback HTTP server set-up every emulator and receiver derives from: a small web app on 127.0.0.1 at a
/// free port the OS picks, without console logging. A derived class adds its handler to <see cref="App"/> in its
/// constructor, then its factory calls <see cref="ListenAsync"/>; disposing stops it.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private Uri? _baseUrl;

    /// <param name="services">Registers what the handlers need (most servers need nothing).</param>
    protected LoopbackServer(Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services?.Invoke(builder.Services);
        App = builder.Build();
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:51234/</c> (with the slash, so relative URIs append).</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The server is not started yet.");

    /// <summary>The app to add the handler to, before <see cref="ListenAsync"/>.</summary>
    protected WebApplication App { get; }

    /// <summary>Starts listening and learns the port.</summary>
    protected async Task ListenAsync(CancellationToken ct)
    {
        await App.StartAsync(ct);
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _baseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await DisposeOwnedAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the derived server owns (its outbound client), after the app stopped.</summary>
    protected virtual ValueTask DisposeOwnedAsync() => ValueTask.CompletedTask;
}
