using CartRecovery.Core.Outbound;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Hosting;

internal static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// The outbound policy (section <c>Outbound</c>) for everything the app fetches or links to: the options the
    /// connectors and links check URLs with, and the connection guard on every <see cref="HttpClient"/> the factory
    /// builds (shops' APIs, OAuth, Postmark). Clients that bring their own primary handler must use
    /// <c>UseSocketsHttpHandler</c> to configure it, so the guard set here stays in place.
    /// </summary>
    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboundOptions>>().Value);
        services.ConfigureHttpClientDefaults(http => http.UseSocketsHttpHandler((handler, sp) =>
            OutboundConnections.Guard(handler, sp.GetRequiredService<OutboundOptions>())));
        return services;
    }
}
