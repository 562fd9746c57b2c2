using System.Net;
using System.Net.Sockets;

namespace CartRecovery.Core.Outbound;

/// <summary>
/// The pure rules of the outbound policy: which URLs may be fetched or linked to, and which IP addresses are public.
/// The host applies <see cref="IsAllowedAddress"/> again when a connection opens, to the address it connects to,
/// so a name that resolves to a private address later (DNS rebinding) is refused too.
/// </summary>
public static class OutboundUrlPolicy
{
    /// <summary>
    /// Null when the app may call or send people to <paramref name="url"/>; otherwise the rule it breaks, naming
    /// <paramref name="field"/>. Checks the shape (absolute https, http only when allowed, no credentials) and, for
    /// an IP literal or a localhost name, the address range; names are checked again when resolved.
    /// </summary>
    public static string? Check(Uri? url, OutboundOptions options, string field)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (url is null || !url.IsAbsoluteUri)
            return $"{field} must be an absolute https URL";
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && options.AllowHttp))
            return url.Scheme == Uri.UriSchemeHttp ? $"{field} must use https" : $"{field} must be an https URL";
        if (url.UserInfo.Length > 0)
            return $"{field} must not contain credentials";
        if (url.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic || url.IdnHost.Length == 0)
            return $"{field} must name a host";
        if (options.AllowPrivateNetworks)
            return null;
        var host = url.IdnHost.TrimEnd('.');
        if (IsLocalName(host))
            return $"{field} must not point at this machine";
        // A name without a domain (or under .local/.internal) resolves only inside a private network.
        if (url.HostNameType == UriHostNameType.Dns && (!host.Contains('.', StringComparison.Ordinal) || IsPrivateName(host)))
            return $"{field} must be a public host name";
        return IPAddress.TryParse(url.HostNameType == UriHostNameType.IPv6 ? url.Host.Trim('[', ']') : host, out var address) && !IsPublic(address)
            ? $"{field} must not point at a private, loopback or link-local address"
            : null;
    }

    /// <summary>True for a URL we may render as a link on our pages: absolute http or https, no credentials.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0
        && uri.IdnHost.Length > 0;

    /// <summary>True when the app may connect to <paramref name="address"/> under <paramref name="options"/>.</summary>
    public static bool IsAllowedAddress(IPAddress address, OutboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowPrivateNetworks || IsPublic(address);
    }

    /// <summary>
    /// False for every address that is not on the public internet: unspecified, loopback, RFC 1918, CGNAT 100.64/10,
    /// link-local 169.254/16 (cloud metadata), documentation and benchmark ranges, multicast and reserved; IPv6
    /// loopback, unique-local fc00::/7, link-local, site-local, multicast; and the IPv4 forms embedded in IPv6
    /// (mapped, compatible, NAT64, 6to4) are judged by their IPv4 address.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return IsPublicV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        if (address.IsIPv4MappedToIPv6)
            return IsPublicV4(address.MapToIPv4().GetAddressBytes());
        var b = address.GetAddressBytes();
        if (IPAddress.IPv6Any.Equals(address) || IPAddress.IPv6Loopback.Equals(address))
            return false;
        // ::a.b.c.d (deprecated IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64): the IPv4 address is what is reached.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0))
            return IsPublicV4(b.AsSpan(12));
        // 2002:a.b.c.d::/48 (6to4) carries its IPv4 address in bytes 2-5.
        if (b[0] == 0x20 && b[1] == 0x02)
            return IsPublicV4(b.AsSpan(2, 4));
        return b[0] switch
        {
            0xff => false,                                    // multicast ff00::/8
            0xfc or 0xfd => false,                            // unique local fc00::/7 (AWS metadata fd00:ec2::254)
            0xfe when (b[1] & 0xc0) is 0x80 or 0xc0 => false, // link-local fe80::/10, site-local fec0::/10
            0x01 when b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0 => false, // discard 100::/64
            0x20 when b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 => false,                  // documentation 2001:db8::/32
            0x20 when b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00 => false,                  // Teredo 2001::/32 (hides its IPv4 peer)
            _ => true,
        };
    }

    private static bool IsPublicV4(ReadOnlySpan<byte> b) => b switch
    {
        [0, ..] => false,                               // 0.0.0.0/8 "this network"
        [10, ..] => false,                              // RFC 1918
        [100, >= 64 and <= 127, ..] => false,           // CGNAT 100.64/10
        [127, ..] => false,                             // loopback
        [169, 254, ..] => false,                        // link-local, 169.254.169.254 cloud metadata
        [172, >= 16 and <= 31, ..] => false,            // RFC 1918
        [192, 0, 0, _] or [192, 0, 2, _] => false,      // IETF protocol assignments, TEST-NET-1
        [192, 88, 99, _] => false,                      // 6to4 relay anycast
        [192, 168, ..] => false,                        // RFC 1918
        [198, 18 or 19, ..] => false,                   // benchmarking
        [198, 51, 100, _] or [203, 0, 113, _] => false, // TEST-NET-2, TEST-NET-3
        [>= 224, ..] => false,                          // multicast 224/4, reserved 240/4, broadcast
        _ => true,
    };

    private static bool IsPrivateName(string host) =>
        host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase);

    private static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
