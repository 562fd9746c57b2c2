using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Testing;

/// <summary>
/// A <see cref="LoopbackServer"/> assembled by the test itself: a product's endpoints mapped on their own (with the
/// services they need), or a receiver written for one test.
/// </summary>
public sealed class LoopbackHost : LoopbackServer
{
    private LoopbackHost(Action<IServiceCollection>? services) : base(services)
    {
    }

    /// <summary>Registers <paramref name="services"/>, maps the endpoints with <paramref name="map"/> and starts listening.</summary>
    public static async Task<LoopbackHost> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var host = new LoopbackHost(services);
        map(host.App);
        await host.ListenAsync(ct);
        return host;
    }

    /// <summary>The host's services, as the mapped endpoints resolve them.</summary>
    public IServiceProvider Services => App.Services;
}
