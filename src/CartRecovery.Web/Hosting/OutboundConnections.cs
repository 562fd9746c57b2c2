using System.Net;
using System.Net.Sockets;
using CartRecovery.Core.Outbound;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// The outbound policy where the socket opens: every connection an <see cref="HttpClient"/> of the app makes resolves
/// the host itself, refuses addresses the policy refuses, and connects to the very address it checked, so a name that
/// resolves to a public address when validated and to a private one when called (DNS rebinding) still cannot reach
/// inside the network. Plain http and URLs with credentials are refused here too, whatever a caller validated.
/// </summary>
internal static class OutboundConnections
{
    /// <summary>Makes <paramref name="handler"/> connect only where <paramref name="options"/> allow.</summary>
    public static void Guard(SocketsHttpHandler handler, OutboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        // A proxy would be the address checked, not the shop behind it.
        handler.UseProxy = false;
        handler.ConnectCallback = (context, ct) => ConnectAsync(context, options, ct);
    }

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, OutboundOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.InitialRequestMessage.RequestUri;
        if (url is not null && (url.Scheme == Uri.UriSchemeHttp && !options.AllowHttp || url.UserInfo.Length > 0))
            throw Refused(url.Scheme == Uri.UriSchemeHttp ? "plain http is not allowed (Outbound:AllowHttp)" : "URLs with credentials are not allowed");

        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => OutboundUrlPolicy.IsAllowedAddress(a, options)).ToList();
        if (allowed.Count == 0)
            throw Refused($"{host} resolves to no public address (Outbound:AllowPrivateNetworks)");

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException error)
            {
                socket.Dispose();
                last = error;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new HttpRequestException(HttpRequestError.ConnectionError, $"Could not connect to {host}.", last);
    }

    private static HttpRequestException Refused(string why) =>
        new(HttpRequestError.ConnectionError, "Outbound policy refused the connection: " + why + ".");
}
