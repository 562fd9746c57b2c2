namespace CartRecovery.Core.Outbound;

/// <summary>
/// What the app may fetch or link to (section <c>Outbound</c>): shop sites and API bases, logo, home and restore URLs.
/// The defaults are for production; development, tests and the demo run shops on loopback http and say so here.
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>Allows plain http shop addresses and calls (never for credentials sent as Basic auth). Development only.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Allows calls to loopback, private (RFC 1918), carrier-grade NAT, link-local (cloud metadata), unique-local and
    /// other non-public addresses. Development, tests and emulators only.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
