using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// Where the app listens. ASP.NET Core's own settings decide (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, <c>Kestrel:Endpoints</c>); <see cref="Default"/> applies only when
/// none of them is set. Kept out of appsettings.json on purpose: a <c>Urls</c> there overrides the environment.
/// </summary>
internal static class HostAddresses
{
    public const string Default = "http://localhost:5080";

    // ASP.NET Core's keys (ASPNETCORE_URLS becomes "urls"); the ports are read only when no urls are given.
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    public static void UseDefaultWhenUnset(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var configured = AddressKeys.Any(k => !string.IsNullOrWhiteSpace(configuration[k]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
            builder.WebHost.UseUrls(Default);
    }

    /// <summary>
    /// A port the configured addresses need that another process already listens on, checked before anything starts so
    /// that a busy port ends the start in one clear line. Null when every port is free (or cannot be checked here).
    /// </summary>
    public static (int Port, string Address)? FindBusyPort(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only Kestrel binds ports (tests host the app in memory).
        if (app.Services.GetRequiredService<IServer>().GetType().Assembly != typeof(KestrelServerOptions).Assembly)
            return null;
        foreach (var (address, endPoint) in EndPoints(app.Configuration))
        {
            if (IsTaken(endPoint))
                return (endPoint.Port, address);
        }
        return null;
    }

    /// <summary>The one line an operator reads when a port is taken.</summary>
    public static string BusyPortMessage(int port, string address) =>
        $"Port {port} is already in use ({address}): stop what listens there, or choose another port, e.g. --urls http://localhost:{(port == 65535 ? 5081 : port + 1)} (or ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS).";

    private static IEnumerable<(string Address, IPEndPoint EndPoint)> EndPoints(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var endPoint in UrlEndPoints(url))
                    yield return (url, endPoint);
            }
            yield break;
        }
        // Ports alone listen on every address.
        foreach (var key in AddressKeys.Skip(1))
        {
            foreach (var text in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(text, out var port) && port is > 0 and <= 65535)
                    yield return ($"port {port}", new IPEndPoint(IPAddress.Any, port));
            }
        }
    }

    private static IEnumerable<IPEndPoint> UrlEndPoints(string url)
    {
        // Kestrel accepts wildcards (http://*:80, http://+:80) that Uri does not; they listen on every address.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0)
            yield break;
        if (uri.IsLoopback && uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            yield return new IPEndPoint(IPAddress.Loopback, uri.Port);
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip))
            yield return new IPEndPoint(ip, uri.Port);
        else
            yield return new IPEndPoint(IPAddress.Any, uri.Port);
    }

    private static bool IsTaken(IPEndPoint endPoint)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address this machine does not have, no permission): Kestrel reports it in full.
            return false;
        }
    }
}
