using System.Net;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Put in front of every HttpClient the app makes while it is under attack: hostile bodies must never make a test
/// machine resolve or call an outside address (a generated "shop URL" that happens to be valid, say). Anything but a
/// loopback literal or localhost fails as an unreachable peer would, before any DNS look-up.
/// </summary>
internal sealed class LoopbackOnlyHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.IdnHost ?? "";
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        return loopback
            ? base.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"the hostile-input suite allows loopback calls only (not {host})");
    }
}
